package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A test-built metrics-catalog over smart HTTP whose fetches a test can stall or break part-way
 * ({@link FetchFaults}, injected into {@code @InjectRepo FetchFaults} fields, as is the
 * {@link CatalogFixture}). One fetch at a time, two requests waiting for the catalog at most, and
 * a git timeout long enough that a stall outlasts the steps a test takes while it holds.
 */
public class FaultyMetricsCatalog implements QuarkusTestResourceLifecycleManager {

    public static final String GIT_TIMEOUT = "10s";
    public static final int MAX_WAITING_REQUESTS = 2;

    private CatalogFixture fixture;
    private SmartHttpGitServer server;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("faulty-catalog");
        fixture = CatalogFixture.create(root.resolve("repos/metrics-catalog.git"));
        server = new SmartHttpGitServer(root.resolve("repos"), Optional.empty()).start();
        Map<String, String> settings = new HashMap<>(MetricsCatalogSettings.with(root, server.url("metrics-catalog.git")));
        settings.put("onboarding.git-timeout", GIT_TIMEOUT);
        settings.put("metrics-catalog.max-concurrent-fetches", "1");
        settings.put("metrics-catalog.max-waiting-requests", String.valueOf(MAX_WAITING_REQUESTS));
        return settings;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fixture, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, CatalogFixture.class));
        injector.injectIntoFields(server.faults(), new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, FetchFaults.class));
    }

    @Override
    public void stop() {
        server.faults().heal();
        server.close();
        fixture.repo().close();
    }
}
