package com.company.onboarding.catalog;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;

import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.git.Bulkhead;
import com.company.onboarding.git.RefNames;
import com.company.onboarding.git.RefResolver;
import com.company.onboarding.git.RefResolver.Resolution;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The metrics-catalog at a ref (docs/spec.md#the-metrics-catalog-cache): the one way the service reads the catalog. A
 * ref is checked before anything touches git, resolved against the configured remote only
 * (tags trusted for {@code metrics-catalog.tag-ttl}, branches for
 * {@code metrics-catalog.branch-ttl}, a commit id is itself), and read through
 * {@link CatalogCommits}, so a commit is fetched and parsed once however often it is asked for.
 */
@Startup
@ApplicationScoped
public class MetricsCatalog {

    private final MetricsCatalogConfig config;
    private final CatalogCommits commits;
    private final MeterRegistry meters;
    private final LongAdder lookups = new LongAdder();
    private final RefResolver refs;
    private final Bulkhead gate;
    private final Counter staleServes;
    private final FunctionCounter hits;
    /** The configured URL as {@link #canonical} writes it, compared with every entry's on every request. */
    private final String configuredUrl;

    @Inject
    MetricsCatalog(MetricsCatalogConfig config, CatalogCommits commits, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.configuredUrl = canonical(config.url().value());
        this.commits = commits;
        this.meters = meters;
        gate = commits.bulkhead();
        refs = new RefResolver(commits.remote()::lsRemote,
                name -> name.startsWith(Constants.R_TAGS) ? config.tagTtl() : config.branchTtl(),
                config.staleGrace(), clock, gate);
        Counter misses = commits.misses();
        hits = FunctionCounter.builder("onboarding.catalog.cache.hits", lookups, l -> l.sum() - misses.count())
                .description("Catalog reads served from a parsed snapshot in memory").register(meters);
        staleServes = Counter.builder("onboarding.catalog.stale")
                .description("Catalog reads served from a branch's last resolution because the remote was down")
                .register(meters);
    }

    /** Meters bound to this instance go with it (a registry can outlive the application, as in tests). */
    @PreDestroy
    void close() {
        meters.remove(hits);
        meters.remove(staleServes);
    }

    /**
     * The catalog at {@code ref}: a tag, a branch ({@code feature/x} works) or a full commit id.
     *
     * @throws BadRequest  {@code catalog.ref.invalid} when the ref is malformed (git is not touched)
     * @throws NotFound    {@code catalog.ref.not-found} when the catalog has no such ref
     * @throws com.company.onboarding.error.Unavailable {@code metrics-catalog.unavailable} when the remote cannot be reached,
     *         {@code metrics-catalog.busy} when {@code metrics-catalog.max-waiting-requests} requests wait for it already
     */
    public CatalogSnapshot at(String ref) {
        Optional<String> problem = RefNames.problem(ref);
        if (problem.isPresent()) {
            throw new BadRequest("catalog.ref.invalid", "the metrics-catalog ref " + problem.get());
        }
        if (RefNames.isCommitId(ref)) {
            ObjectId commit = ObjectId.fromString(ref);
            return load(commit, () -> refsPointingAt(commit)).as(commit.name(), RefKind.COMMIT, false);
        }
        Resolution resolution = refs.resolve(ref, List.of(Constants.R_TAGS + ref, Constants.R_HEADS + ref), this::prepare)
                .orElseThrow(() -> new NotFound("catalog.ref.not-found",
                        "the metrics-catalog has no tag or branch named \"" + ref + "\""));
        return read(ref, resolution);
    }

    /** The catalog at its default branch (the remote's {@code HEAD}), for entries that give no ref. */
    public CatalogSnapshot atDefaultBranch() {
        Resolution resolution = defaultBranchResolution();
        return read(resolution.shortName(), resolution);
    }

    /** The name of the catalog's default branch, e.g. {@code main}. */
    public String defaultBranch() {
        return defaultBranchResolution().shortName();
    }

    /**
     * Whether {@code url} (an entry's {@code monitoring.customMetrics.repository.url}) names the
     * configured catalog, {@code metrics-catalog.url}; a trailing {@code /} or {@code .git} and the
     * case of scheme and host do not matter.
     */
    public boolean isConfiguredCatalog(String url) {
        return url != null && !url.isBlank() && canonical(url).equals(configuredUrl);
    }

    static String canonical(String url) {
        String value = url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.endsWith(".git")) {
            value = value.substring(0, value.length() - 4);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                        + (uri.getRawPath() == null ? "" : uri.getRawPath());
            }
        } catch (java.net.URISyntaxException e) {
            // not a URI (scp-like or a path): compared as written
        }
        return value;
    }

    private Resolution defaultBranchResolution() {
        return refs.resolve(Constants.HEAD, List.of(Constants.HEAD), this::prepare)
                .orElseThrow(() -> new NotFound("catalog.ref.not-found", "the metrics-catalog has no default branch"));
    }

    private CatalogSnapshot read(String ref, Resolution resolution) {
        if (resolution.stale()) {
            staleServes.increment();
        }
        RefKind kind = resolution.isTag() ? RefKind.TAG : RefKind.BRANCH;
        return load(resolution.commit(), () -> List.of(resolution.refName())).as(ref, kind, resolution.stale());
    }

    /** Loads a new answer's commit before the answer is trusted, so its TTL starts once it can be served. */
    private void prepare(Resolution resolution) {
        commits.at(resolution.commit().name(), () -> List.of(resolution.refName()));
    }

    private CatalogSnapshot load(ObjectId commit, Supplier<List<String>> hints) {
        lookups.increment();
        if (commits.store().contains(commit)) {
            return commits.at(commit.name(), hints);
        }
        // It may have to be fetched, or wait for another request's fetch of it: through the gate.
        return gate.call(() -> commits.at(commit.name(), hints));
    }

    /** The remote's branches and tags at {@code commit}, to fetch it shallow by one of them. */
    private List<String> refsPointingAt(ObjectId commit) {
        return commits.remote().lsRemote().refs().entrySet().stream()
                .filter(e -> e.getValue().equals(commit))
                .map(Map.Entry::getKey)
                .filter(name -> name.startsWith(Constants.R_TAGS) || name.startsWith(Constants.R_HEADS))
                .sorted()
                .toList();
    }
}
