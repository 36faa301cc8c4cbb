package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A test-built metrics-catalog served over smart HTTP by a real git server, with the settings
 * of {@link FileMetricsCatalog}. An outage is the server stopped (and started again on the same
 * port). The fixture is injected into {@code @InjectRepo CatalogFixture} fields.
 */
public class HttpMetricsCatalog implements QuarkusTestResourceLifecycleManager {

    private CatalogFixture fixture;
    private SmartHttpGitServer server;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("http-catalog");
        fixture = CatalogFixture.create(root.resolve("repos/metrics-catalog.git"));
        server = new SmartHttpGitServer(root.resolve("repos"), Optional.empty()).start();
        fixture.onOutage(server::stop, server::start);
        return MetricsCatalogSettings.with(root, server.url("metrics-catalog.git"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fixture, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, CatalogFixture.class));
    }

    @Override
    public void stop() {
        server.close();
        fixture.repo().close();
    }
}
