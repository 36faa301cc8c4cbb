package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test-built metrics-catalog served over {@code file://}, a short branch TTL and a disk bound
 * of two commits. An outage is the repository's directory moved away. The fixture is injected
 * into {@code @InjectRepo CatalogFixture} fields.
 */
public class FileMetricsCatalog implements QuarkusTestResourceLifecycleManager {

    private CatalogFixture fixture;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("file-catalog");
        Path repository = root.resolve("metrics-catalog.git");
        Path away = root.resolve("metrics-catalog.away");
        fixture = CatalogFixture.create(repository);
        fixture.onOutage(() -> move(repository, away), () -> move(away, repository));
        return MetricsCatalogSettings.with(root, fixture.repo().url());
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fixture, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, CatalogFixture.class));
    }

    @Override
    public void stop() {
        fixture.repo().close();
    }
}
