package com.company.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/** The metrics-catalog repository and how its refs are cached. Keys are public API (product.md 3). */
@ConfigMapping(prefix = "metrics-catalog")
public interface MetricsCatalogConfig {

    /** The default canonical URL; with no fetch URL it means "the embedded catalog". */
    String DEFAULT_URL = "https://github.com/company/metrics-catalog";

    /** The catalog's canonical URL, as entries write it in {@code monitoring.customMetrics.repository.url}. */
    @WithDefault(DEFAULT_URL)
    GitUrl url();

    /**
     * Where the service actually fetches the catalog from. Unset: {@link #url()}, except that
     * with {@code url} also at its default the embedded catalog under the data directory is used.
     */
    Optional<GitUrl> fetchUrl();

    /** How long a branch ref's resolution is trusted before the remote is asked again. */
    @WithDefault("60s")
    @DurationMin(millis = 0)
    Duration branchTtl();

    /** User name for git over HTTPS when a password is set. */
    @WithDefault("x-access-token")
    String gitUsername();

    /** Password or token for fetching the catalog over HTTPS. Never logged. */
    Optional<String> gitPassword();
}
