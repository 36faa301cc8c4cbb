package com.company.onboarding.assessment;

import com.company.onboarding.catalog.MetricsCatalog;
import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.CatalogSelection;
import com.company.onboarding.merge.MergeEngine;
import com.company.onboarding.merge.MergeInput;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.platform.PlatformSnapshot;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.validation.EntryBinder;
import com.company.onboarding.validation.EntryValidator;
import com.company.onboarding.validation.KnownValues;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one assessment pipeline behind validate, preview, pull requests, generation and diffs: an
 * entry, platform-next at one commit and the catalog at the entry's ref become findings and merged
 * targets. It reads (platform-next, the catalog) and then hands over to the pure parts: {@code
 * validation} judges, {@code merge} merges. Every problem comes back at once.
 *
 * <p>Faults are not findings: platform-next or the catalog unreachable is a 503, never a smaller
 * config or a half report.
 */
@ApplicationScoped
public class AssessmentService {

    private static final String REPOSITORY = "/monitoring/customMetrics/repository";

    private final PlatformNextReader platform;
    private final PlatformNextConfig platformConfig;
    private final MetricsCatalog catalog;
    private final MetricsCatalogConfig catalogConfig;
    private final Cache assessments;
    private final EntryValidator validator;
    private final MergeEngine engine = new MergeEngine();
    /** Enough for every tab a few hundred users keep open; a miss costs one binding. */
    private final ExistingEntries existingEntries = new ExistingEntries(256);

    AssessmentService(PlatformNextReader platform, PlatformNextConfig platformConfig, MetricsCatalog catalog,
            MetricsCatalogConfig catalogConfig, OnboardingConfig config, @CacheName("assessments") Cache assessments) {
        this.platform = platform;
        this.platformConfig = platformConfig;
        this.catalog = catalog;
        this.catalogConfig = catalogConfig;
        this.assessments = assessments;
        this.validator = new EntryValidator(KnownValues.of(config));
    }

    /** A proposed entry, against the base branch as it is now: it must not exist there yet. */
    public Assessment proposed(JsonNode body) {
        return cached(body, Mode.PROPOSED, platform.snapshot());
    }

    /** A proposed replacement of an entry already on the base branch (diffs, updates). */
    public Assessment existing(JsonNode entry) {
        return cached(entry, Mode.EXISTING, platform.snapshot());
    }

    /**
     * The entry named {@code name} on the base branch now (its preview); empty when there is none.
     * The entry is bound once per platform-next commit ({@link ExistingEntries}), here and for its
     * tag ({@link #fingerprintExisting}).
     */
    public Optional<Assessment> existing(String name) {
        PlatformSnapshot snapshot = platform.snapshot();
        return asRead(snapshot, name).map(entry -> cached(entry.bound(), entry.bodyDigest(), Mode.EXISTING, snapshot));
    }

    /**
     * The fingerprint {@link #existing(String)} gives the entry named {@code name} now, from one
     * platform-next snapshot and the catalog ref resolved, without merging: what a conditional
     * preview compares with the client's tag. Empty when there is no such entry or it does not bind.
     */
    public Optional<String> fingerprintExisting(String name) {
        PlatformSnapshot snapshot = platform.snapshot();
        return asRead(snapshot, name).filter(entry -> entry.bound().value() != null)
                .map(entry -> inputs(entry.bound(), entry.bodyDigest(), Mode.EXISTING, snapshot).fingerprint());
    }

    private Optional<ExistingEntries.Entry> asRead(PlatformSnapshot snapshot, String name) {
        return snapshot.services().entry(name).map(tree -> existingEntries.of(snapshot.commitId(), name, tree));
    }

    /**
     * An entry against a given platform-next (a commit, or a working tree for generation), not
     * cached: callers that assess a whole estate keep nothing they will not ask for again.
     */
    public Assessment assess(JsonNode body, Mode mode, PlatformSnapshot snapshot) {
        EntryBinder.Bound<ServiceEntry> bound = EntryBinder.entry(body);
        if (bound.value() == null) {
            return new Assessment(null, bound.findings(), List.of(), null, null);
        }
        List<Finding> catalogFindings = new ArrayList<>();
        CatalogSnapshot catalogSnapshot = catalog(bound.value(), catalogFindings::add);
        return evaluate(bound, mode, snapshot, catalogSnapshot, catalogFindings, null);
    }

    /** What decides a cached assessment: the catalog the bound entry names, resolved now, and the fingerprint of it all. */
    private record Inputs(CatalogSnapshot catalog, List<Finding> catalogFindings, String fingerprint) {
    }

    private Inputs inputs(EntryBinder.Bound<ServiceEntry> bound, byte[] bodyDigest, Mode mode, PlatformSnapshot snapshot) {
        List<Finding> catalogFindings = new ArrayList<>();
        CatalogSnapshot catalogSnapshot = catalog(bound.value(), catalogFindings::add);
        return new Inputs(catalogSnapshot, catalogFindings, Fingerprint.of(bodyDigest, mode == Mode.PROPOSED,
                snapshot.commitId(), catalogSnapshot, catalogFindings));
    }

    private Assessment cached(JsonNode body, Mode mode, PlatformSnapshot snapshot) {
        return cached(EntryBinder.entry(body), Fingerprint.body(body), mode, snapshot);
    }

    /**
     * Binding, platform-next and the catalog ref are read on every call (they decide the result);
     * the rest is computed once per fingerprint: a Backstage tab refreshing the same entry costs a
     * cache lookup, not a merge.
     */
    private Assessment cached(EntryBinder.Bound<ServiceEntry> bound, byte[] bodyDigest, Mode mode, PlatformSnapshot snapshot) {
        if (bound.value() == null) {
            return new Assessment(null, bound.findings(), List.of(), null, null);
        }
        Inputs inputs = inputs(bound, bodyDigest, mode, snapshot);
        return assessments.get(inputs.fingerprint(),
                        key -> evaluate(bound, mode, snapshot, inputs.catalog(), inputs.catalogFindings(), key))
                .await().indefinitely();
    }

    private Assessment evaluate(EntryBinder.Bound<ServiceEntry> bound, Mode mode, PlatformSnapshot snapshot,
            CatalogSnapshot catalogSnapshot, List<Finding> catalogFindings, String fingerprint) {
        List<Finding> findings = new ArrayList<>(bound.findings());
        ServiceEntry entry = bound.value();
        validator.checkEntry(bound.tree(), entry, findings::add);
        if (mode == Mode.PROPOSED && entry.name() != null && snapshot.services().entry(entry.name()).isPresent()) {
            findings.add(EntryValidator.serviceExists(entry.name(), platformConfig.branch()));
        }
        MonitoringProfile profile = validator.profile(entry, snapshot.profiles(), findings::add);
        findings.addAll(catalogFindings);
        validator.checkInlineMetrics(bound.tree(), findings::add);
        boolean bindsCleanly = bound.findings().stream().noneMatch(Finding::isError);
        MergeResult merge = null;
        if (profile != null && entry.name() != null && bindsCleanly) {
            merge = engine.merge(new MergeInput(entry, profile, new MergeInput.ProfileOrigin(platformConfig.branch(),
                    snapshot.commitId(), platformConfig.profilesPath()), catalogSnapshot, validator.known().targets()));
            findings.addAll(merge.findings());
        }
        List<CatalogFile> catalogFiles = CatalogSelection.of(entry, catalogSnapshot).files();
        // Without the profile or the catalog the entry names, the set of metrics is incomplete:
        // a condition naming one of the missing metrics is not the entry's mistake.
        boolean metricsComplete = profile != null && (!namesCatalog(entry) || catalogSnapshot != null);
        Set<String> metrics = merge != null && !merge.targets().isEmpty() ? merge.metricNames()
                : EntryValidator.definedMetricNames(profile, catalogFiles, entry);
        validator.checkRules(bound.tree(), profile, platformConfig.profilesPath() + "@" + platformConfig.branch(),
                catalogSnapshot, catalogFiles, metricsComplete ? metrics : null, findings::add);
        return new Assessment(entry, dedupe(findings),
                entry.name() == null ? List.of() : validator.known().targets().of(entry), merge, fingerprint);
    }

    private static boolean namesCatalog(ServiceEntry entry) {
        return entry.monitoring() != null && entry.monitoring().customMetrics() != null
                && entry.monitoring().customMetrics().repository() != null;
    }

    /** The catalog the entry names, or null; a ref that is malformed or absent is a finding, the remote down a 503. */
    private CatalogSnapshot catalog(ServiceEntry entry, Consumer<Finding> out) {
        ServiceEntry.CustomMetrics custom = entry.monitoring() == null ? null : entry.monitoring().customMetrics();
        ServiceEntry.Repository repository = custom == null ? null : custom.repository();
        if (repository == null || repository.url() == null) {
            return null;
        }
        if (!catalog.isConfiguredCatalog(repository.url())) {
            out.accept(Finding.error(REPOSITORY + "/url", "catalog.url.not-allowed", "\"" + repository.url()
                    + "\" is not a metrics-catalog this service reads; use " + catalogConfig.url().value()));
            return null;
        }
        try {
            return repository.ref() == null ? catalog.atDefaultBranch() : catalog.at(repository.ref());
        } catch (BadRequest | NotFound e) {
            out.accept(Finding.error(REPOSITORY + "/ref", e.code(), e.detail()));
            return null;
        }
    }

    /** The same finding reached by two paths (a catalog file read for two reasons) is reported once. */
    private static List<Finding> dedupe(List<Finding> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
    }
}
