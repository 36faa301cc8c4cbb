package com.company.onboarding.validation;

import com.company.onboarding.entry.Names;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Target;
import com.company.onboarding.entry.Targets;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The checks of an entry that need nothing but the entry and the configured values: names,
 * known values and duplicates, namespaces, cost owner, override environments and SLO ranges.
 * They run on the bound tree, so pointers are those of the client's document.
 */
final class EntryChecks {

    private static final int MAX_NAMESPACE = 63;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    private final KnownValues known;
    private final Targets targets;

    EntryChecks(KnownValues known) {
        this.known = known;
        this.targets = known.targets();
    }

    void check(ObjectNode tree, ServiceEntry entry, Consumer<Finding> out) {
        name(tree, out);
        oneOf(tree, "archetype", known.archetypeProfiles().keySet(), "archetype.unknown", "archetype", out);
        oneOf(tree, "size", known.sizes(), "size.unknown", "size", out);
        regions(tree, out);
        enabledIn(tree, out);
        notBlank(tree.path("cost"), "/cost", List.of("costCenter", "businessUnit"), out);
        costOwner(tree, out);
        namespaces(entry, out);
        overrides(tree, entry, out);
    }

    private void name(ObjectNode tree, Consumer<Finding> out) {
        JsonNode name = tree.get("name");
        if (name != null && !Names.isDns1123Label(name.asText())) {
            out.accept(Finding.error("/name", "service.name.invalid", "\"" + name.asText() + "\" is not a DNS-1123 label:"
                    + " lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters"));
        }
    }

    private static void oneOf(ObjectNode tree, String field, Collection<String> values, String code, String what,
            Consumer<Finding> out) {
        JsonNode node = tree.get(field);
        if (node != null && !values.contains(node.asText())) {
            out.accept(unknown("/" + field, code, what, node.asText(), values));
        }
    }

    private void regions(ObjectNode tree, Consumer<Finding> out) {
        JsonNode regions = tree.get("regions");
        if (regions == null) {
            return;
        }
        if (regions.isEmpty()) {
            out.accept(Finding.error("/regions", "field.required", "at least one region is required"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            JsonNode region = regions.get(i);
            if (region.isNull()) {
                continue;
            }
            String pointer = "/regions/" + i;
            if (!known.regions().contains(region.asText())) {
                out.accept(unknown(pointer, "region.unknown", "region", region.asText(), known.regions()));
            } else if (!seen.add(region.asText())) {
                out.accept(Finding.error(pointer, "field.invalid", "region \"" + region.asText() + "\" is listed twice"));
            }
        }
    }

    private void enabledIn(ObjectNode tree, Consumer<Finding> out) {
        JsonNode items = tree.get("enabledIn");
        if (items == null) {
            return;
        }
        if (items.isEmpty()) {
            out.accept(Finding.error("/enabledIn", "field.required", "at least one environment is required"));
        }
        Set<Targets.Placement> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isNull()) {
                continue;
            }
            String item = items.get(i).asText();
            String pointer = "/enabledIn/" + i;
            Optional<Targets.Placement> placement = targets.placement(item);
            if (placement.isPresent()) {
                if (!seen.add(placement.get())) {
                    out.accept(Finding.error(pointer, "field.invalid", "\"" + item + "\" names environment "
                            + placement.get().environment() + " and track " + placement.get().track() + " a second time"));
                }
                continue;
            }
            Optional<String> env = known.environments().stream()
                    .filter(e -> item.startsWith(e + "-"))
                    .max(Comparator.comparingInt(String::length));
            if (env.isPresent()) {
                String track = item.substring(env.get().length() + 1);
                out.accept(unknown(pointer, "track.unknown", "track", track, known.tracks()));
            } else {
                List<String> forms = known.environments().stream()
                        .flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e),
                                known.tracks().stream().map(t -> e + "-" + t)))
                        .toList();
                out.accept(unknown(pointer, "environment.unknown", "environment", item, forms));
            }
        }
    }

    private static void notBlank(JsonNode parent, String pointer, List<String> fields, Consumer<Finding> out) {
        for (String field : fields) {
            JsonNode node = parent.get(field);
            if (node != null && node.asText().isBlank()) {
                out.accept(Finding.error(pointer + "/" + field, "field.required", field + " must not be empty"));
            }
        }
    }

    private static void costOwner(ObjectNode tree, Consumer<Finding> out) {
        JsonNode owner = tree.path("cost").get("costOwner");
        if (owner != null && !EMAIL.matcher(owner.asText()).matches()) {
            out.accept(Finding.error("/cost/costOwner", "cost.owner.invalid",
                    "\"" + owner.asText() + "\" is not an email address"));
        }
    }

    private void namespaces(ServiceEntry entry, Consumer<Finding> out) {
        if (entry == null || entry.name() == null) {
            return;
        }
        targets.of(entry).stream()
                .map(Target::namespace)
                .filter(ns -> ns.length() > MAX_NAMESPACE)
                .max(Comparator.comparingInt(String::length))
                .ifPresent(ns -> out.accept(Finding.error("/name", "namespace.too-long", "namespace \"" + ns + "\" has "
                        + ns.length() + " characters; Kubernetes allows " + MAX_NAMESPACE
                        + ": shorten the service name by " + (ns.length() - MAX_NAMESPACE))));
    }

    private void overrides(ObjectNode tree, ServiceEntry entry, Consumer<Finding> out) {
        JsonNode overrides = tree.path("monitoring").path("overrides");
        Set<String> enabled = new HashSet<>();
        if (entry != null) {
            entry.enabledIn().forEach(item -> targets.placement(item).ifPresent(p -> enabled.add(p.environment())));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> override = it.next();
            String env = override.getKey();
            String pointer = "/monitoring/overrides/" + YamlTrees.escape(env);
            if (!known.environments().contains(env)) {
                out.accept(unknown(pointer, "environment.unknown", "environment", env, known.environments()));
            } else if (!enabled.contains(env)) {
                out.accept(Finding.warning(pointer, "override.environment.not-enabled", "the entry is not enabled in "
                        + env + ", so this override has no effect"));
            }
            JsonNode values = override.getValue();
            percent(values, "sloAvailability", pointer, out);
            percent(values, "sloErrorRate", pointer, out);
            positive(values, "sloLatencyP95ms", pointer, out);
            positive(values, "sloLatencyP99ms", pointer, out);
        }
    }

    private static void percent(JsonNode values, String field, String pointer, Consumer<Finding> out) {
        JsonNode node = values.get(field);
        if (node != null && (node.decimalValue().signum() < 0 || node.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0)) {
            out.accept(Finding.error(pointer + "/" + field, "slo.out-of-range",
                    field + " is a percentage: between 0 and 100, not " + node.decimalValue().toPlainString()));
        }
    }

    private static void positive(JsonNode values, String field, String pointer, Consumer<Finding> out) {
        JsonNode node = values.get(field);
        if (node != null && node.decimalValue().signum() <= 0) {
            out.accept(Finding.error(pointer + "/" + field, "slo.out-of-range",
                    field + " is a latency in milliseconds: it must be positive, not " + node.decimalValue().toPlainString()));
        }
    }

    /** "x" is not a known y, with the closest known value as suggestion when one is close. */
    static Finding unknown(String pointer, String code, String what, String value, Collection<String> values) {
        return finding(pointer, code, Rejection.unlessKnown(what, value, values)
                .orElseThrow(() -> new IllegalArgumentException(value + " is known")));
    }

    /** A rejection as an error finding: its message, and its suggestion when it has one. */
    static Finding finding(String pointer, String code, Rejection rejection) {
        Finding finding = Finding.error(pointer, code, rejection.message());
        return rejection.suggestion() == null ? finding : finding.withSuggestion(rejection.suggestion());
    }
}
