package com.company.onboarding.merge;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Target;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables in values (docs/spec.md#variables): {@code {SERVICE}}, {@code {ENVIRONMENT}}, {@code {REGION}},
 * {@code {TEAM}} (the entry's {@code cost.costOwner}), {@code {COST_CENTER}}, {@code {BUSINESS_UNIT}}.
 * Substitution works on the string values of the merged tree, never on serialized text, so a value
 * holding {@code /}, {@code "} or a newline cannot break the document, and a replacement is never
 * scanned again. Dynatrace's own placeholders ({@code {RequestPath}}, any {@code {PascalCase}} or
 * lower-case token) are left alone; any other {@code {UPPER_CASE}} token is left as written and
 * reported as {@code variable.unknown}.
 */
final class Variables {

    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern UPPER_CASE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String KNOWN = "{SERVICE}, {ENVIRONMENT}, {REGION}, {TEAM}, {COST_CENTER}, {BUSINESS_UNIT}";

    private final Map<String, String> values;
    private final Function<List<String>, Located> locator;
    private final Set<Finding> findings = new LinkedHashSet<>();
    private final List<String> path = new ArrayList<>();

    /**
     * @param locator where the value at a path of the tree (its segments) was written, or null
     *                when unknown; findings point there
     */
    Variables(Map<String, String> values, Function<List<String>, Located> locator) {
        this.values = values;
        this.locator = locator;
    }

    /** The variables of one target; a value the entry does not set is null. */
    static Map<String, String> of(ServiceEntry entry, Target target) {
        Map<String, String> values = new LinkedHashMap<>();
        ServiceEntry.Cost cost = entry.cost();
        values.put("SERVICE", entry.name());
        values.put("ENVIRONMENT", target.environment());
        values.put("REGION", target.region());
        values.put("TEAM", cost == null ? null : cost.costOwner());
        values.put("COST_CENTER", cost == null ? null : cost.costCenter());
        values.put("BUSINESS_UNIT", cost == null ? null : cost.businessUnit());
        return values;
    }

    /** The value of a top-level field, substituted (the same node when nothing changed); findings locate it under {@code field}. */
    JsonNode substitute(String field, JsonNode value) {
        path.add(field);
        try {
            return substitute(value);
        } finally {
            path.clear();
        }
    }

    /**
     * The tree with every string value substituted. Copy on write: a container none of whose
     * values changed is returned as it is, so trees are shared, never modified.
     */
    private JsonNode substitute(JsonNode node) {
        if (node.isTextual()) {
            return substituteText(node);
        }
        if (node.isObject()) {
            ObjectNode copy = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                JsonNode value = substitute(field.getValue());
                path.remove(path.size() - 1);
                if (value != field.getValue()) {
                    if (copy == null) {
                        copy = YamlTrees.NODES.objectNode();
                        copy.setAll((ObjectNode) node);
                    }
                    copy.set(field.getKey(), value);
                }
            }
            return copy == null ? node : copy;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                path.add(Integer.toString(i));
                JsonNode value = substitute(node.get(i));
                path.remove(path.size() - 1);
                if (value != node.get(i)) {
                    if (copy == null) {
                        copy = YamlTrees.NODES.arrayNode(node.size());
                        copy.addAll((ArrayNode) node);
                    }
                    copy.set(i, value);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }

    /** What substitution left unresolved, in the order met; each place once. */
    List<Finding> findings() {
        return List.copyOf(findings);
    }

    private JsonNode substituteText(JsonNode text) {
        String value = text.textValue();
        if (value.indexOf('{') < 0) {
            return text;
        }
        Matcher matcher = TOKEN.matcher(value);
        StringBuilder out = new StringBuilder(value.length() + 32);
        int last = 0;
        boolean changed = false;
        while (matcher.find()) {
            String name = matcher.group(1);
            out.append(value, last, matcher.start());
            last = matcher.end();
            if (values.containsKey(name) && values.get(name) != null) {
                out.append(values.get(name));
                changed = true;
                continue;
            }
            out.append(matcher.group());
            if (values.containsKey(name)) {
                report(matcher.group() + " has no value: the entry does not set the field it comes from; it is left as written");
            } else if (UPPER_CASE.matcher(name).matches()) {
                report(matcher.group() + " is not a known variable (known: " + KNOWN + "); it is left as written");
            }
        }
        if (!changed) {
            return text;
        }
        out.append(value, last, value.length());
        return YamlTrees.NODES.textNode(out.toString());
    }

    private void report(String message) {
        Finding finding = Finding.warning("", "variable.unknown", message);
        Located at = locator.apply(List.copyOf(path));
        findings.add(at == null ? finding : at.place(finding));
    }
}
