package com.company.onboarding.catalog;

import com.company.onboarding.catalogdata.CatalogSnapshot;

import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.git.Bulkhead;
import com.company.onboarding.git.CommitFetcher;
import com.company.onboarding.git.GitRemote;
import com.company.onboarding.git.RemoteClient;
import com.company.onboarding.remotes.Remotes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The metrics-catalog by commit: parsed snapshots in memory (quarkus-cache {@value #CACHE},
 * bounded by {@code quarkus.cache.caffeine."metrics-catalog".maximum-size}), over the
 * {@link CommitStore} on disk, over the remote. Started eagerly so the disk store's leftovers
 * are cleaned at start, not at the first request.
 *
 * <p>One {@link Bulkhead} guards every wait on the catalog's remote: at most
 * {@code metrics-catalog.max-waiting-requests} requests wait for it (a ref to resolve, a commit to
 * fetch), at most {@code metrics-catalog.max-concurrent-fetches} fetches run at once, and a fetch
 * waits for its turn at most {@code onboarding.git-timeout}.
 */
@Startup
@ApplicationScoped
public class CatalogCommits {

    public static final String CACHE = "metrics-catalog";

    private final MeterRegistry meters;
    private final CatalogReader reader = new CatalogReader();
    private final List<Meter> registered = new ArrayList<>();
    private final RemoteClient remote;
    private final Bulkhead bulkhead;
    private final CommitStore store;
    private final Counter misses;

    @Inject
    CatalogCommits(Remotes remotes, MetricsCatalogConfig config, MeterRegistry meters) {
        this.meters = meters;
        GitRemote catalog = remotes.metricsCatalog();
        remote = new RemoteClient(catalog, meters);
        bulkhead = new Bulkhead(catalog.name(), config.maxWaitingRequests(), config.maxConcurrentFetches(),
                catalog.timeout());
        store = new CommitStore(new CommitFetcher(remote, bulkhead), remotes.cacheDirectory("metrics-catalog"),
                config.maxCommits(), config.maxDiskSize().asLongValue());
        misses = Counter.builder("onboarding.catalog.cache.misses")
                .description("Catalog reads that found no parsed snapshot of their commit in memory").register(meters);
        registered.add(misses);
        registered.add(Gauge.builder("onboarding.catalog.disk.entries", store, CommitStore::size)
                .description("Catalog commits stored on disk").register(meters));
        registered.add(Gauge.builder("onboarding.catalog.disk.bytes", store, CommitStore::bytes).baseUnit("bytes")
                .description("Bytes taken by the catalog commits stored on disk").register(meters));
        registered.add(Gauge.builder("onboarding.catalog.remote.waiting", bulkhead, Bulkhead::inUse)
                .description("Requests waiting for the metrics-catalog remote (metrics-catalog.max-waiting-requests at most)")
                .register(meters));
    }

    /** Meters bound to this instance go with it (a registry can outlive the application, as in tests). */
    @PreDestroy
    void close() {
        registered.forEach(meters::remove);
    }

    /**
     * The catalog at {@code commit} (kind {@code commit}): from memory, else parsed from disk,
     * else fetched first. Concurrent calls for one commit wait for one load; a failed load is
     * not cached.
     *
     * @param refs remote refs that pointed to the commit when last asked, to fetch it by
     */
    @CacheResult(cacheName = CACHE)
    public CatalogSnapshot at(@CacheKey String commit, Supplier<List<String>> refs) {
        misses.increment();
        ObjectId id = ObjectId.fromString(commit);
        try (CommitStore.Lease lease = store.lease(id, refs)) {
            return reader.read(lease.repository(), id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read metrics-catalog commit " + commit, e);
        }
    }

    public RemoteClient remote() {
        return remote;
    }

    public CommitStore store() {
        return store;
    }

    /** What every request that waits for the remote passes first. */
    public Bulkhead bulkhead() {
        return bulkhead;
    }

    /** Counts the loads {@link #at} made: reads that found nothing in memory. */
    public Counter misses() {
        return misses;
    }
}
