package com.company.onboarding.testing;

import java.nio.file.Path;
import java.util.Map;

/** The configuration both catalog test resources run with. */
final class MetricsCatalogSettings {

    /** Branch resolutions trusted for this long in the tests. */
    static final String BRANCH_TTL = "5s";

    private MetricsCatalogSettings() {
    }

    static Map<String, String> with(Path root, String fetchUrl) {
        return Map.of(
                "metrics-catalog.fetch-url", fetchUrl,
                "metrics-catalog.branch-ttl", BRANCH_TTL,
                "metrics-catalog.stale-grace", "1h",
                "metrics-catalog.max-commits", "2",
                "onboarding.git-timeout", "5s",
                "onboarding.data-dir", root.resolve("data").toString());
    }
}
