package com.company.onboarding.validation;

import com.company.onboarding.catalog.CatalogFile;
import com.company.onboarding.catalog.CatalogSnapshot;
import com.company.onboarding.catalog.MetricsCatalog;
import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeEngine;
import com.company.onboarding.merge.MergeInput;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.merge.MergedTarget;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.platform.PlatformSnapshot;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one validator (product.md 5) behind validate, preview and onboarding: binds the entry
 * leniently, runs every check, reads the profile and the catalog, merges, and checks what only
 * the merge knows (conflicting metrics, unknown variables, conditions naming metrics). Every
 * problem comes back at once.
 *
 * <p>Faults are not findings: platform-next or the catalog unreachable is a 503, never a smaller
 * config or a half report. Problems inside the platform team's own profile are warnings (the
 * entry's author cannot fix them); problems inside the catalog files the entry chose are errors.
 */
@ApplicationScoped
public class ValidationService {

    private static final String REPOSITORY = "/monitoring/customMetrics/repository";

    @Inject
    PlatformNextReader platform;
    @Inject
    PlatformNextConfig platformConfig;
    @Inject
    MetricsCatalog catalog;
    @Inject
    MetricsCatalogConfig catalogConfig;
    @Inject
    OnboardingConfig config;
    @Inject
    @CacheName("assessments")
    Cache assessments;

    private final MergeEngine engine = new MergeEngine();
    private KnownValues known;
    private EntryChecks entryChecks;
    private RuleChecks ruleChecks;

    @PostConstruct
    void init() {
        known = KnownValues.of(config);
        entryChecks = new EntryChecks(known);
        ruleChecks = new RuleChecks(known);
    }

    /** A proposed entry: it must not exist on the base branch yet. */
    public Assessment assessProposed(JsonNode body) {
        return assess(body, true);
    }

    /** An entry already in services.yaml (its preview). */
    public Assessment assessExisting(JsonNode entry) {
        return assess(entry, false);
    }

    /**
     * The fingerprint {@link #assessExisting} gives the entry named {@code name} now, read with
     * the commit from one platform-next snapshot, without merging: what a conditional preview
     * compares with the client's tag. Empty when there is no such entry or it does not bind.
     */
    public Optional<String> fingerprintExisting(String name) {
        PlatformSnapshot snapshot = platform.snapshot();
        Optional<ObjectNode> entry = snapshot.services().entry(name);
        EntryBinder.Bound<ServiceEntry> bound = entry.isEmpty() ? null : EntryBinder.entry(entry.get());
        if (bound == null || bound.value() == null) {
            return Optional.empty();
        }
        List<Finding> catalogFindings = new ArrayList<>();
        CatalogSnapshot catalogSnapshot = catalog(bound.value(), catalogFindings::add);
        return Optional.of(Fingerprint.of(entry.get(), false, snapshot.commitId(), catalogSnapshot, catalogFindings));
    }

    /**
     * Binding, platform-next and the catalog ref are read on every call (they decide the
     * result); the rest is computed once per fingerprint: a Backstage tab refreshing the same
     * entry costs a cache lookup, not a merge.
     */
    private Assessment assess(JsonNode body, boolean proposed) {
        EntryBinder.Bound<ServiceEntry> bound = EntryBinder.entry(body);
        if (bound.value() == null) {
            return new Assessment(null, bound.findings(), List.of(), null, null);
        }
        PlatformSnapshot snapshot = platform.snapshot();
        List<Finding> catalogFindings = new ArrayList<>();
        CatalogSnapshot catalogSnapshot = catalog(bound.value(), catalogFindings::add);
        String fingerprint = Fingerprint.of(body, proposed, snapshot.commitId(), catalogSnapshot, catalogFindings);
        return assessments.get(fingerprint, key -> evaluate(bound, proposed, snapshot, catalogSnapshot, catalogFindings, key))
                .await().indefinitely();
    }

    private Assessment evaluate(EntryBinder.Bound<ServiceEntry> bound, boolean proposed, PlatformSnapshot snapshot,
            CatalogSnapshot catalogSnapshot, List<Finding> catalogFindings, String fingerprint) {
        List<Finding> findings = new ArrayList<>(bound.findings());
        ServiceEntry entry = bound.value();
        entryChecks.check(bound.tree(), entry, findings::add);
        if (proposed && entry.name() != null && snapshot.services().entry(entry.name()).isPresent()) {
            findings.add(Finding.error("/name", "service.exists",
                    "a service named \"" + entry.name() + "\" is already in services.yaml on " + platformConfig.branch()));
        }
        MonitoringProfile profile = profile(entry, snapshot, findings::add);
        findings.addAll(catalogFindings);
        inlineMetrics(bound.tree(), findings::add);
        boolean bindsCleanly = bound.findings().stream().noneMatch(Finding::isError);
        MergeResult merge = null;
        if (profile != null && entry.name() != null && bindsCleanly) {
            merge = engine.merge(new MergeInput(entry, profile, new MergeInput.ProfileOrigin(platformConfig.branch(),
                    snapshot.commitId(), platformConfig.profilesPath()), catalogSnapshot, known.targets()));
            findings.addAll(merge.findings());
        }
        // Without the profile or the catalog the entry names, the set of metrics is incomplete:
        // a condition naming one of the missing metrics is not the entry's mistake.
        boolean metricsComplete = profile != null && (!namesCatalog(entry) || catalogSnapshot != null);
        Set<String> metrics = metricNames(merge, entry, profile, catalogSnapshot);
        alertRules(bound.tree(), entry, profile, catalogSnapshot, metricsComplete ? metrics : null, findings::add);
        return new Assessment(entry, dedupe(findings), entry.name() == null ? List.of() : known.targets().of(entry), merge,
                fingerprint);
    }

    private MonitoringProfile profile(ServiceEntry entry, PlatformSnapshot snapshot, Consumer<Finding> out) {
        String usual = entry.archetype() == null ? null : known.archetypeProfiles().get(entry.archetype());
        String name = entry.monitoringProfile() != null ? entry.monitoringProfile() : usual;
        if (name == null) {
            return null;
        }
        Map<String, MonitoringProfile> profiles = snapshot.profiles();
        MonitoringProfile profile = profiles.get(name);
        if (profile == null) {
            out.accept(EntryChecks.unknown("/monitoringProfile", "profile.unknown", "monitoring profile", name,
                    profiles.keySet()));
            return null;
        }
        if (entry.monitoringProfile() != null && usual != null && !usual.equals(name)) {
            out.accept(Finding.warning("/monitoringProfile", "profile.archetype-mismatch", "archetype "
                    + entry.archetype() + " normally uses profile " + usual + ", not " + name));
        }
        return profile;
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

    private static void inlineMetrics(ObjectNode tree, Consumer<Finding> out) {
        JsonNode metrics = tree.path("monitoring").path("customMetrics").path("metrics");
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String pointer = "/monitoring/customMetrics/metrics/" + i;
            JsonNode metric = metrics.get(i);
            MetricChecks.check(metric, pointer, "/dynatrace", out);
            JsonNode name = metric.get("name");
            if (name != null && !names.add(name.asText())) {
                out.accept(Finding.error(pointer + "/name", "field.invalid",
                        "metric \"" + name.asText() + "\" is listed twice inline"));
            }
        }
    }

    /** Names an alert condition may use: every merged custom metric (or, without a merge, every defined one). */
    private static Set<String> metricNames(MergeResult merge, ServiceEntry entry, MonitoringProfile profile,
            CatalogSnapshot catalogSnapshot) {
        Set<String> names = new LinkedHashSet<>();
        if (merge != null) {
            for (MergedTarget target : merge.targets()) {
                target.application().path("customMetrics").forEach(m -> names.add(m.path("name").asText()));
            }
            if (!merge.targets().isEmpty()) {
                return names;
            }
        }
        if (profile != null) {
            profile.dynatrace().customMetrics().forEach(m -> names.add(m.path("name").asText()));
        }
        usedCatalogFiles(entry, catalogSnapshot).forEach(f -> f.customMetrics().forEach(m -> names.add(m.path("name").asText())));
        if (entry.monitoring() != null && entry.monitoring().customMetrics() != null) {
            entry.monitoring().customMetrics().metrics().forEach(m -> names.add(m.name()));
        }
        return names;
    }

    private void alertRules(ObjectNode tree, ServiceEntry entry, MonitoringProfile profile, CatalogSnapshot catalogSnapshot,
            Set<String> metrics, Consumer<Finding> out) {
        tree.path("monitoring").path("overrides").fields().forEachRemaining(override -> ruleChecks.check(
                override.getValue().path("dynatrace").path("alertRules"),
                "/monitoring/overrides/" + YamlTrees.escape(override.getKey()) + "/dynatrace/alertRules", metrics, out));
        if (profile != null) {
            String base = "/monitoringProfiles/" + YamlTrees.escape(profile.name());
            String source = platformConfig.profilesPath() + "@" + platformConfig.branch();
            // The platform team's profile: its author is not the entry's, so its problems warn.
            Consumer<Finding> asWarning = f -> out.accept(new Finding(f.pointer(), f.code(), f.message(),
                    Finding.Severity.WARNING, source, f.suggestion()));
            ruleChecks.check(array(profile.dynatrace().alertRules()), base + "/dynatrace/alertRules", metrics, asWarning);
            profile.environmentOverrides().forEach((env, override) -> ruleChecks.check(array(override.alertRules()),
                    base + "/environmentOverrides/" + YamlTrees.escape(env) + "/alertRules", metrics, asWarning));
        }
        for (CatalogFile file : usedCatalogFiles(entry, catalogSnapshot)) {
            String source = file.path() + "@" + catalogSnapshot.ref();
            ruleChecks.check(array(file.alertRules()), "/alertRules", metrics, f -> out.accept(f.withSource(source)));
            for (int i = 0; i < file.customMetrics().size(); i++) {
                MetricChecks.check(file.customMetrics().get(i), "/customMetrics/" + i, "", f -> out.accept(f.withSource(source)));
            }
        }
    }

    /** The catalog files this entry reads: its listed catalog profiles, then its service directory. */
    private static List<CatalogFile> usedCatalogFiles(ServiceEntry entry, CatalogSnapshot snapshot) {
        if (snapshot == null) {
            return List.of();
        }
        List<CatalogFile> files = new ArrayList<>();
        if (entry.monitoring() != null && entry.monitoring().customMetrics() != null) {
            entry.monitoring().customMetrics().profiles().stream().distinct()
                    .forEach(p -> files.addAll(snapshot.profileFiles(p)));
        }
        if (entry.name() != null) {
            files.addAll(snapshot.serviceFiles(entry.name()));
        }
        return files;
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = YamlTrees.NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    /** The same finding reached by two paths (a catalog file read for two reasons) is reported once. */
    private static List<Finding> dedupe(List<Finding> findings) {
        return List.copyOf(new LinkedHashSet<>(findings));
    }
}
