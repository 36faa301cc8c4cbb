package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogProblem;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Target;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The preview engine: a profile, the catalog files at one commit and an entry become the
 * Dynatrace config of every target, with provenance and findings. Every rule of
 * docs/spec.md#merge-semantics lives in this package. Pure and stateless: no git, no HTTP, safe to share.
 *
 * <p>Findings it reports: {@code metric.conflict} (error), {@code metric.redefined},
 * {@code metric.inline-disabled}, {@code variable.unknown}, {@code field.invalid} (an SLO that
 * is not a number), {@code catalog.profile.not-found} (error), {@code catalog.file.invalid}
 * (error: a file the merge needs cannot be read, so the config would silently shrink),
 * {@code catalog.pinned-to-branch} and {@code catalog.stale}.
 */
public final class MergeEngine {

    private static final Set<String> METRIC_TYPE = Set.of("type");

    public MergeResult merge(MergeInput input) {
        ServiceEntry entry = input.entry();
        MonitoringProfile profile = input.profile();
        CatalogSnapshot catalog = input.catalog();
        MergeResult.Inputs used = new MergeResult.Inputs(profile.name(), catalog == null ? null : catalog.ref(),
                catalog == null ? null : catalog.commit());
        if (entry.monitoring() != null && !entry.monitoring().dynatraceEnabled()) {
            return new MergeResult(entry.name(), used, List.of(), List.of(),
                    "monitoring.dynatrace is false: Dynatrace is turned off for " + entry.name()
                            + ", so it has no Dynatrace config and no targets");
        }
        if (profile.dynatrace() == null || !profile.dynatrace().enabled()) {
            return new MergeResult(entry.name(), used, List.of(), List.of(),
                    "monitoring profile " + profile.name() + " does not enable Dynatrace (dynatrace.enabled is not true),"
                            + " so " + entry.name() + " has no Dynatrace config and no targets");
        }
        Run run = new Run(input);
        List<MergedTarget> targets = new ArrayList<>();
        Set<Finding> all = new LinkedHashSet<>(run.global);
        for (Target target : input.targets().of(entry)) {
            MergedTarget merged = run.target(target);
            targets.add(merged);
            all.addAll(merged.findings());
        }
        String message = targets.isEmpty()
                ? "the entry has no targets: enabledIn x regions names no configured environment, track and region"
                : null;
        return new MergeResult(entry.name(), used, targets, List.copyOf(all), message);
    }

    /** The alert rules and SLOs of one environment, shared by its targets. */
    private record Environment(NamedItems alertRules, Slos.Resolved slos, Source profileOverride, Source entryOverride,
            Set<Source> contributed) {
    }

    /** The state of one merge: what is the same for every target is merged once. */
    private static final class Run {
        private final ServiceEntry entry;
        private final MonitoringProfile profile;
        private final MergeInput input;
        private final String profilePointer;
        private final Source profileSource;
        private final Source inlineSource;
        private final List<CatalogSelection.Part> catalog = new ArrayList<>();
        private final List<Finding> global = new ArrayList<>();
        private final Set<Source> contributed = new LinkedHashSet<>();
        private final NamedItems requestAttributes = new NamedItems();
        private final NamedItems customMetrics = new NamedItems();
        private final NamedItems dashboards = new NamedItems();
        private final Map<String, Environment> environments = new LinkedHashMap<>();

        Run(MergeInput input) {
            this.input = input;
            this.entry = input.entry();
            this.profile = input.profile();
            this.profilePointer = Source.profilePointer(profile.name());
            this.profileSource = Source.profile(profile.name(), input.profileOrigin());
            this.inlineSource = Source.inline(entry.name());
            contributed.add(profileSource); // technologies and request naming always come from it
            readCatalog();
            mergeRequestAttributes();
            mergeCustomMetrics();
            for (CatalogSelection.Part part : catalog) {
                add(dashboards, part.file().dashboards(), part.source(), "/dashboards/", contributed);
            }
        }

        // 4.1 sources 3 and 4: which catalog files, in which order, and what is wrong with the catalog.
        private void readCatalog() {
            ServiceEntry.CustomMetrics custom = entry.monitoring() == null ? null : entry.monitoring().customMetrics();
            List<String> listed = custom == null ? List.of() : custom.profiles();
            CatalogSnapshot snapshot = input.catalog();
            if (snapshot == null) {
                for (int i = 0; i < listed.size(); i++) {
                    global.add(Finding.error("/monitoring/customMetrics/profiles/" + i, "catalog.profile.not-found",
                            "catalog profile " + listed.get(i) + " cannot be read: the entry names no metrics-catalog repository"));
                }
                return;
            }
            String refPointer = custom != null && custom.repository() != null && custom.repository().ref() != null
                    ? "/monitoring/customMetrics/repository/ref" : "/monitoring/customMetrics/repository";
            if (snapshot.kind() == RefKind.BRANCH) {
                global.add(Finding.warning(refPointer, "catalog.pinned-to-branch",
                        "the metrics-catalog is read at branch " + snapshot.ref() + " (now commit " + snapshot.commit()
                                + "), so the config changes whenever the branch moves; pin a tag or a commit"));
            }
            if (snapshot.stale()) {
                global.add(Finding.warning(refPointer, "catalog.stale",
                        "the metrics-catalog could not be reached; branch " + snapshot.ref()
                                + " is read at its last known commit " + snapshot.commit()));
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < listed.size(); i++) {
                String name = listed.get(i);
                if (!seen.add(name)) {
                    continue; // listed twice: reading it again adds nothing
                }
                if (!snapshot.profiles().contains(name)) {
                    global.add(Finding.error("/monitoring/customMetrics/profiles/" + i, "catalog.profile.not-found",
                            "catalog profile " + name + " does not exist in the metrics-catalog at " + snapshot.ref()
                                    + " (commit " + snapshot.commit() + ")"));
                    continue;
                }
                problems(snapshot, "profiles/" + name + "/");
            }
            problems(snapshot, "services/" + entry.name() + "/");
            catalog.addAll(CatalogSelection.of(entry, snapshot).parts());
        }

        private void problems(CatalogSnapshot snapshot, String directory) {
            for (CatalogProblem problem : snapshot.problemsUnder(directory)) {
                if (problem.path().indexOf('/', directory.length()) >= 0) {
                    continue; // files in subdirectories are never read
                }
                global.add(Finding.error(problem.pointer(), "catalog.file.invalid",
                                "metrics-catalog file " + problem.path() + " cannot be read, so its metrics, alert rules and"
                                        + " dashboards would be missing: " + problem.message())
                        .withSource(Source.document(problem.path(), snapshot.ref())));
            }
        }

        private void mergeRequestAttributes() {
            add(requestAttributes, profile.dynatrace().application().requestAttributes(), profileSource,
                    profilePointer + "/dynatrace/application/requestAttributes/", contributed);
        }

        // 4.1 sources 1, 3, 4, 5 in that order; 4.2 conflicts and redefinitions.
        private void mergeCustomMetrics() {
            List<ObjectNode> base = profile.dynatrace().customMetrics();
            for (int i = 0; i < base.size(); i++) {
                metric(Incoming.of(base.get(i), profileSource, profilePointer + "/dynatrace/customMetrics/" + i));
            }
            for (CatalogSelection.Part part : catalog) {
                List<ObjectNode> metrics = part.file().customMetrics();
                for (int i = 0; i < metrics.size(); i++) {
                    metric(Incoming.of(metrics.get(i), part.source(), "/customMetrics/" + i));
                }
            }
            ServiceEntry.CustomMetrics custom = entry.monitoring() == null ? null : entry.monitoring().customMetrics();
            List<ServiceEntry.InlineMetric> inline = custom == null ? List.of() : custom.metrics();
            for (int i = 0; i < inline.size(); i++) {
                String pointer = "/monitoring/customMetrics/metrics/" + i;
                ServiceEntry.InlineMetric metric = inline.get(i);
                InlineMetrics.flatten(metric, inlineSource, pointer).ifPresentOrElse(this::metric, () -> {
                    NamedItems.Item earlier = customMetrics.find(metric.name());
                    if (earlier != null) {
                        global.add(Finding.warning(pointer + "/dynatrace/enabled", "metric.inline-disabled",
                                "inline metric " + metric.name() + " has dynatrace.enabled: false and is left out, but "
                                        + earlier.first().source().label() + " defines it too, so that definition stays"));
                    }
                });
            }
        }

        private void metric(Incoming incoming) {
            contributed.add(incoming.at().source());
            String name = incoming.item().path("name").asText(null);
            List<NamedItems.Difference> differences = customMetrics.add(incoming, METRIC_TYPE);
            List<NamedItems.Difference> redefined = new ArrayList<>();
            for (NamedItems.Difference difference : differences) {
                if (difference.field().equals("type")) {
                    global.add(difference.afterAt().place(Finding.error("", "metric.conflict",
                            "metric " + name + " is a " + difference.after().asText() + " in " + difference.afterAt().source().label()
                                    + " but a " + difference.before().asText() + " in " + difference.beforeAt().source().label()
                                    + ": a metric's type cannot change in Dynatrace (the " + difference.before().asText()
                                    + " is kept)")));
                } else {
                    redefined.add(difference);
                }
            }
            if (!redefined.isEmpty()) {
                String before = redefined.stream().map(d -> d.beforeAt().source().label()).distinct()
                        .collect(Collectors.joining(" and "));
                String changes = redefined.stream()
                        .map(d -> d.field() + " " + d.before() + " becomes " + d.after())
                        .collect(Collectors.joining(", "));
                Located at = redefined.size() == 1 ? redefined.get(0).afterAt() : incoming.at();
                global.add(at.place(Finding.warning("", "metric.redefined",
                        "metric " + name + " defined by " + before + " is redefined by " + incoming.at().source().label()
                                + ": " + changes)));
            }
        }

        // 4.1 sources 1, 2, 3, 4, 6 for alert rules; 4.4 for SLOs.
        private Environment environment(String env) {
            return environments.computeIfAbsent(env, e -> {
                Set<Source> used = new LinkedHashSet<>();
                NamedItems rules = new NamedItems();
                String envSegment = YamlTrees.escape(e);
                add(rules, profile.dynatrace().alertRules(), profileSource, profilePointer + "/dynatrace/alertRules/", used);
                MonitoringProfile.EnvironmentOverride profileOverride = profile.environmentOverrides().get(e);
                Source profileOverrideSource = profileOverride == null ? null
                        : Source.profileOverride(profile.name(), e, input.profileOrigin());
                if (profileOverride != null) {
                    add(rules, profileOverride.alertRules(), profileOverrideSource,
                            profilePointer + "/environmentOverrides/" + envSegment + "/alertRules/", used);
                }
                for (CatalogSelection.Part part : catalog) {
                    add(rules, part.file().alertRules(), part.source(), "/alertRules/", used);
                }
                ServiceEntry.EnvironmentOverride entryOverride =
                        entry.monitoring() == null ? null : entry.monitoring().overrides().get(e);
                Source entryOverrideSource = entryOverride == null ? null : Source.entryOverride(entry.name(), e);
                if (entryOverride != null && entryOverride.dynatrace() != null) {
                    add(rules, entryOverride.dynatrace().alertRules(), entryOverrideSource,
                            "/monitoring/overrides/" + envSegment + "/dynatrace/alertRules/", used);
                }
                Slos.Resolved slos = Slos.resolve(profile, profileSource, profileOverrideSource, e, entryOverride,
                        entryOverrideSource);
                used.addAll(slos.read());
                return new Environment(rules, slos, profileOverrideSource, entryOverrideSource, used);
            });
        }

        /** Merges a source's list by name; an item's channels (alert rules carry them) are normalised on the way in. */
        private static void add(NamedItems items, List<ObjectNode> list, Source source, String pointerPrefix,
                Set<Source> contributed) {
            for (int i = 0; i < list.size(); i++) {
                items.add(Channels.normalise(Incoming.of(list.get(i), source, pointerPrefix + i)), Set.of());
                contributed.add(source);
            }
        }

        MergedTarget target(Target target) {
            Environment env = environment(target.environment());
            ObjectNode merged = application(target, env);
            Variables variables = new Variables(Variables.of(entry, target), path -> locate(path, env));
            // metadata is the entry's own values, as in the labels; templates are everything merged from sources.
            ObjectNode application = YamlTrees.NODES.objectNode();
            merged.fields().forEachRemaining(field -> application.set(field.getKey(), field.getKey().equals("metadata")
                    ? field.getValue() : variables.substitute(field.getKey(), field.getValue())));
            application.set("alertRules", dedupeChannels(application.get("alertRules"), merged.get("alertRules")));
            Set<Finding> findings = new LinkedHashSet<>(global);
            findings.addAll(env.slos().findings());
            findings.addAll(variables.findings());
            return new MergedTarget(target, configMap(target, ApplicationJson.write(application)), application,
                    sources(env), provenance(env, application), List.copyOf(findings));
        }

        /**
         * Substitution can make two channels equal ({@code #team-{SERVICE}} and
         * {@code #team-payment-processor}); only rules it changed need another look. Copy on write:
         * the merged rules are shared by the targets of an environment.
         */
        private static JsonNode dedupeChannels(JsonNode rules, JsonNode unsubstituted) {
            if (rules == unsubstituted) {
                return rules;
            }
            ArrayNode result = YamlTrees.NODES.arrayNode(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                JsonNode rule = rules.get(i);
                JsonNode channels = rule.get(Channels.OUTPUT);
                if (rule != unsubstituted.get(i) && channels != null && channels.isObject()) {
                    ObjectNode copy = YamlTrees.NODES.objectNode();
                    copy.setAll((ObjectNode) rule);
                    copy.set(Channels.OUTPUT, Channels.dedupe((ObjectNode) channels));
                    rule = copy;
                }
                result.add(rule);
            }
            return result;
        }

        // 4.6: the application document in its key order.
        private ObjectNode application(Target target, Environment env) {
            ObjectNode app = YamlTrees.NODES.objectNode();
            ObjectNode metadata = app.putObject("metadata");
            ServiceEntry.Cost cost = entry.cost();
            putText(metadata, "name", entry.name());
            putText(metadata, "environment", target.environment());
            putText(metadata, "region", target.region());
            putText(metadata, "team", cost == null ? null : cost.costOwner());
            putText(metadata, "costCenter", cost == null ? null : cost.costCenter());
            putText(metadata, "businessUnit", cost == null ? null : cost.businessUnit());
            putText(metadata, "monitoringProfile", profile.name());
            ObjectNode monitoring = app.putObject("monitoring");
            MonitoringProfile.Application application = profile.dynatrace().application();
            ArrayNode technologies = monitoring.putArray("technologies");
            application.monitoredTechnologies().forEach(technologies::add);
            putText(monitoring, "requestNaming", application.requestNaming());
            monitoring.set("requestAttributes", requestAttributes.values());
            app.set("slos", env.slos().values());
            app.set("alertRules", env.alertRules().values());
            app.set("customMetrics", customMetrics.values());
            app.set("dashboards", dashboards.values());
            return app;
        }

        /** Where a value of the application document was written, for findings about it. */
        private Located locate(List<String> path, Environment env) {
            String section = path.get(0);
            if (section.equals("monitoring") && path.size() >= 2) {
                String application = profilePointer + "/dynatrace/application/";
                return switch (path.get(1)) {
                    case "technologies" -> new Located(profileSource, application + "monitoredTechnologies" + rest(path, 2));
                    case "requestNaming" -> new Located(profileSource, application + "requestNaming");
                    case "requestAttributes" -> item(requestAttributes, path, 2);
                    default -> null;
                };
            }
            return switch (section) {
                case "alertRules" -> item(env.alertRules(), path, 1);
                case "customMetrics" -> item(customMetrics, path, 1);
                case "dashboards" -> item(dashboards, path, 1);
                default -> null;
            };
        }

        /** {@code path[at]} is an index into {@code items}, {@code path[at + 1]} a field of that item. */
        private static Located item(NamedItems items, List<String> path, int at) {
            if (path.size() < at + 2) {
                return null;
            }
            NamedItems.Item item = items.items().get(Integer.parseInt(path.get(at)));
            Located field = item.origin(path.get(at + 1));
            return field == null ? item.first() : new Located(field.source(), field.pointer() + rest(path, at + 2));
        }

        private static String rest(List<String> path, int from) {
            StringBuilder out = new StringBuilder();
            for (int i = from; i < path.size(); i++) {
                out.append('/').append(YamlTrees.escape(path.get(i)));
            }
            return out.toString();
        }

        private ConfigMap configMap(Target target, String applicationJson) {
            Map<String, String> labels = new LinkedHashMap<>();
            ServiceEntry.Cost cost = entry.cost();
            labels.put("app", entry.name());
            labels.put("monitoring.profile", profile.name());
            labels.put("monitoring.tool", "dynatrace");
            labels.put("monitoring.primary", "true");
            labels.put("cost.service", entry.name());
            if (cost != null && cost.costCenter() != null) {
                labels.put("cost.costCenter", cost.costCenter());
            }
            if (cost != null && cost.businessUnit() != null) {
                labels.put("cost.businessUnit", cost.businessUnit());
            }
            Map<String, String> annotations = new LinkedHashMap<>();
            CatalogSnapshot snapshot = input.catalog();
            if (snapshot != null) {
                annotations.put(ConfigMap.CATALOG_REF_ANNOTATION, snapshot.ref());
                annotations.put(ConfigMap.CATALOG_COMMIT_ANNOTATION, snapshot.commit());
            }
            return new ConfigMap("v1", "ConfigMap",
                    new ConfigMap.Metadata(entry.name() + "-dynatrace-config", target.namespace(), labels, annotations),
                    Map.of(ConfigMap.APPLICATION_JSON, applicationJson));
        }

        /** Every source that contributed to this environment's targets, in precedence order. */
        private List<Source> sources(Environment env) {
            List<Source> candidates = new ArrayList<>();
            candidates.add(profileSource);
            if (env.profileOverride() != null) {
                candidates.add(env.profileOverride());
            }
            catalog.forEach(part -> candidates.add(part.source()));
            candidates.add(inlineSource);
            if (env.entryOverride() != null) {
                candidates.add(env.entryOverride());
            }
            return candidates.stream()
                    .filter(s -> contributed.contains(s) || env.contributed().contains(s))
                    .toList();
        }

        private Provenance provenance(Environment env, ObjectNode application) {
            Map<String, String> monitoring = new LinkedHashMap<>();
            monitoring.put("technologies", profileSource.label());
            if (profile.dynatrace().application().requestNaming() != null) {
                monitoring.put("requestNaming", profileSource.label());
            }
            Map<String, String> slos = new LinkedHashMap<>();
            env.slos().origins().forEach((field, at) -> slos.put(field, at.source().label()));
            return new Provenance(monitoring,
                    items(requestAttributes, application.path("monitoring").path("requestAttributes")),
                    slos,
                    items(env.alertRules(), application.path("alertRules")),
                    items(customMetrics, application.path("customMetrics")),
                    items(dashboards, application.path("dashboards")));
        }

        /** The items' provenance under their output names (a name may hold a variable). */
        private static List<ItemProvenance> items(NamedItems items, JsonNode output) {
            List<ItemProvenance> merged = items.provenance();
            List<ItemProvenance> result = new ArrayList<>(merged.size());
            for (int i = 0; i < merged.size(); i++) {
                JsonNode name = output.path(i).path("name");
                String outputName = name.isTextual() ? name.textValue() : null;
                ItemProvenance item = merged.get(i);
                result.add(java.util.Objects.equals(outputName, item.name()) ? item
                        : new ItemProvenance(outputName, item.fields()));
            }
            return result;
        }

        private static void putText(ObjectNode node, String field, String value) {
            if (value != null) {
                node.put(field, value);
            }
        }
    }
}
