package com.company.onboarding.validation;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every check of an entry that needs nothing but what was already read for it: the entry's own
 * shape and values, the profile it names, its inline metrics, and the alert rules and metrics of
 * the profile and catalog files it reads. Pure: the caller reads platform-next and the catalog
 * and merges (see {@code assessment}); this class only judges.
 *
 * <p>Problems inside the platform team's own profile are warnings (the entry's author cannot fix
 * them); problems inside the catalog files the entry chose are errors.
 */
public final class EntryValidator {

    private final KnownValues known;
    private final EntryChecks entryChecks;
    private final RuleChecks ruleChecks;

    public EntryValidator(KnownValues known) {
        this.known = known;
        this.entryChecks = new EntryChecks(known);
        this.ruleChecks = new RuleChecks(known);
    }

    public KnownValues known() {
        return known;
    }

    /** The entry's own fields and values. */
    public void checkEntry(ObjectNode tree, ServiceEntry entry, Consumer<Finding> out) {
        entryChecks.check(tree, entry, out);
    }

    /** The entry's inline metrics: each valid, none listed twice. */
    public void checkInlineMetrics(ObjectNode tree, Consumer<Finding> out) {
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

    /** A proposed entry whose name is already on the base branch. */
    public static Finding serviceExists(String name, String branch) {
        return Finding.error("/name", "service.exists",
                "a service named \"" + name + "\" is already in services.yaml on " + branch);
    }

    /**
     * The monitoring profile the entry uses (named, or its archetype's usual one), or null when it
     * names none or an unknown one ({@code profile.unknown}); warns when it differs from the archetype's.
     */
    public MonitoringProfile profile(ServiceEntry entry, Map<String, MonitoringProfile> profiles, Consumer<Finding> out) {
        String usual = entry.archetype() == null ? null : known.archetypeProfiles().get(entry.archetype());
        String name = entry.monitoringProfile() != null ? entry.monitoringProfile() : usual;
        if (name == null) {
            return null;
        }
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

    /**
     * The metric names an alert condition may use when there is no merge to ask (the entry does
     * not bind cleanly, or has no targets): every metric the profile, the catalog files and the
     * entry define.
     */
    public static Set<String> definedMetricNames(MonitoringProfile profile, List<CatalogFile> catalogFiles,
            ServiceEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        if (profile != null) {
            profile.dynatrace().customMetrics().forEach(m -> names.add(m.path("name").asText()));
        }
        catalogFiles.forEach(f -> f.customMetrics().forEach(m -> names.add(m.path("name").asText())));
        if (entry.monitoring() != null && entry.monitoring().customMetrics() != null) {
            entry.monitoring().customMetrics().metrics().forEach(m -> names.add(m.name()));
        }
        return names;
    }

    /**
     * The alert rules of the entry's overrides, of the profile ({@code profileSource} names its file;
     * its problems warn) and of the catalog files, and the catalog files' metrics. {@code metrics}
     * is null when the set of metrics is incomplete: conditions are then checked for syntax only.
     */
    public void checkRules(ObjectNode tree, MonitoringProfile profile, String profileSource, CatalogSnapshot catalog,
            List<CatalogFile> catalogFiles, Set<String> metrics, Consumer<Finding> out) {
        tree.path("monitoring").path("overrides").fields().forEachRemaining(override -> ruleChecks.check(
                override.getValue().path("dynatrace").path("alertRules"),
                "/monitoring/overrides/" + YamlTrees.escape(override.getKey()) + "/dynatrace/alertRules", metrics, out));
        if (profile != null) {
            String base = "/monitoringProfiles/" + YamlTrees.escape(profile.name());
            Consumer<Finding> asWarning = f -> out.accept(new Finding(f.pointer(), f.code(), f.message(),
                    Finding.Severity.WARNING, profileSource, f.suggestion()));
            ruleChecks.check(array(profile.dynatrace().alertRules()), base + "/dynatrace/alertRules", metrics, asWarning);
            profile.environmentOverrides().forEach((env, override) -> ruleChecks.check(array(override.alertRules()),
                    base + "/environmentOverrides/" + YamlTrees.escape(env) + "/alertRules", metrics, asWarning));
        }
        for (CatalogFile file : catalogFiles) {
            String source = file.path() + "@" + catalog.ref();
            ruleChecks.check(array(file.alertRules()), "/alertRules", metrics, f -> out.accept(f.withSource(source)));
            for (int i = 0; i < file.customMetrics().size(); i++) {
                MetricChecks.check(file.customMetrics().get(i), "/customMetrics/" + i, "", f -> out.accept(f.withSource(source)));
            }
        }
    }

    private static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = YamlTrees.NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
