package com.company.onboarding.config;

import com.company.onboarding.git.GitUrl;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The metrics-catalog repository and how its refs are cached. Keys are public API (docs/spec.md#configuration). */
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
    @WithConverter(Bounds.ZeroOrLonger.class)
    Duration branchTtl();

    /**
     * How long a tag ref's resolution is trusted. Tags are releases and should not move; a moved
     * tag is seen after at most this long.
     */
    @WithDefault("1h")
    @WithConverter(Bounds.ZeroOrLonger.class)
    Duration tagTtl();

    /**
     * While the catalog cannot be reached, how long after its time to live a branch (or tag)
     * resolution is still served, marked stale with the warning {@code catalog.stale}. After
     * that, requests get 503.
     */
    @WithDefault("10m")
    @WithConverter(Bounds.ZeroOrLonger.class)
    Duration staleGrace();

    /**
     * Most commits kept on disk (each a small bare repository of that commit alone); the least
     * recently used one that no request is reading is removed first.
     */
    @WithDefault("64")
    @WithConverter(Bounds.Positive.class)
    int maxCommits();

    /** Most bytes the commits kept on disk may take together; enforced like {@link #maxCommits()}. */
    @WithDefault("1G")
    MemorySize maxDiskSize();

    /**
     * Fetches of different commits that may run at the same time; more wait for a free slot, at
     * most {@code onboarding.git-timeout}, then get 503 {@code metrics-catalog.busy}.
     */
    @WithDefault("2")
    @WithConverter(Bounds.Positive.class)
    int maxConcurrentFetches();

    /**
     * Requests that may wait for the catalog remote at once: to resolve a ref, or to fetch a commit
     * (their own fetch, another request's fetch of the same commit, or a free fetch slot). More are
     * answered 503 {@code metrics-catalog.busy} at once, so a slow or stalled catalog holds at most
     * this many worker threads. Reads of a resolved ref at a stored commit never wait.
     */
    @WithDefault("32")
    @WithConverter(Bounds.Positive.class)
    int maxWaitingRequests();

    /** User name for git over HTTPS when a password is set. */
    @WithDefault("x-access-token")
    String gitUsername();

    /** Password or token for fetching the catalog over HTTPS. Never logged. */
    Optional<String> gitPassword();
}
