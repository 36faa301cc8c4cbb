package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A test platform-next and a test metrics-catalog, both over {@code file://}, read again on every
 * request (refresh interval and branch TTL of zero), so a test that commits to either sees the
 * service follow at once. platform-next's services.yaml gets one more entry, {@code gamma-api},
 * whose custom metrics come from the catalog's {@code main} branch. Injected into
 * {@code @InjectRepo BareRepo} (platform-next) and {@code @InjectRepo CatalogFixture} fields; an
 * outage of the catalog is its directory moved away.
 */
public class MovingRepos implements QuarkusTestResourceLifecycleManager {

    public static final String CATALOG_URL = "https://github.com/company/metrics-catalog";

    private BareRepo platform;
    private CatalogFixture catalog;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("moving");
        platform = Fixtures.platformNext(root.resolve("platform-next.git"));
        platform.commit("main", "gamma-api reads the catalog's main branch", Map.of(Fixtures.SERVICES_PATH,
                Fixtures.text("platform-next/services.yaml") + """

                          - name: gamma-api
                            archetype: api
                            size: small
                            regions: [euw1]
                            enabledIn: [int, prod]
                            cost: {costCenter: "T-3", businessUnit: "testing", costOwner: "gamma@company.com"}
                            monitoringProfile: web-api
                            monitoring:
                              dynatrace: true
                              customMetrics:
                                repository:
                                  url: %s
                                  ref: main
                        """.formatted(CATALOG_URL)));
        Path repository = root.resolve("metrics-catalog.git");
        Path away = root.resolve("metrics-catalog.away");
        catalog = CatalogFixture.create(repository);
        catalog.onOutage(() -> move(repository, away), () -> move(away, repository));
        Map<String, String> config = new HashMap<>(MetricsCatalogSettings.with(root, catalog.repo().url()));
        config.put("metrics-catalog.url", CATALOG_URL);
        config.put("metrics-catalog.branch-ttl", "0s");
        config.put("platform-next.url", platform.url());
        config.put("platform-next.refresh-interval", "0s");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(platform, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, BareRepo.class));
        injector.injectIntoFields(catalog, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, CatalogFixture.class));
    }

    @Override
    public void stop() {
        platform.close();
        catalog.repo().close();
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
