package com.company.onboarding.servicesyaml;

import static com.company.onboarding.parsing.YamlTrees.NODES;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.ServiceEntry.Cost;
import com.company.onboarding.entry.ServiceEntry.CustomMetrics;
import com.company.onboarding.entry.ServiceEntry.EnvironmentOverride;
import com.company.onboarding.entry.ServiceEntry.InlineMetric;
import com.company.onboarding.entry.ServiceEntry.MetricDynatrace;
import com.company.onboarding.entry.ServiceEntry.Monitoring;
import com.company.onboarding.entry.ServiceEntry.Repository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A {@link ServiceEntry} as the tree its {@code services.yaml} item parses to: keys in the
 * design document's order (section 3.1), null fields and empty lists and mappings left out.
 * The renderer writes this tree and the editor's check compares the re-parsed file against
 * it, so what is written and what is checked cannot drift apart.
 */
final class EntryTree {

    private EntryTree() {
    }

    static ObjectNode of(ServiceEntry entry) {
        ObjectNode node = NODES.objectNode();
        text(node, "name", entry.name());
        text(node, "archetype", entry.archetype());
        text(node, "size", entry.size());
        texts(node, "regions", entry.regions());
        texts(node, "enabledIn", entry.enabledIn());
        text(node, "costProfile", entry.costProfile());
        child(node, "cost", cost(entry.cost()));
        text(node, "monitoringProfile", entry.monitoringProfile());
        child(node, "monitoring", monitoring(entry.monitoring()));
        return node;
    }

    private static ObjectNode cost(Cost cost) {
        ObjectNode node = NODES.objectNode();
        if (cost != null) {
            text(node, "costCenter", cost.costCenter());
            text(node, "businessUnit", cost.businessUnit());
            text(node, "costOwner", cost.costOwner());
        }
        return node;
    }

    private static ObjectNode monitoring(Monitoring monitoring) {
        ObjectNode node = NODES.objectNode();
        if (monitoring == null) {
            return node;
        }
        if (monitoring.dynatrace() != null) {
            node.put("dynatrace", monitoring.dynatrace());
        }
        child(node, "customMetrics", customMetrics(monitoring.customMetrics()));
        ObjectNode overrides = NODES.objectNode();
        for (Map.Entry<String, EnvironmentOverride> override : monitoring.overrides().entrySet()) {
            child(overrides, override.getKey(), override(override.getValue()));
        }
        child(node, "overrides", overrides);
        return node;
    }

    private static ObjectNode customMetrics(CustomMetrics metrics) {
        ObjectNode node = NODES.objectNode();
        if (metrics == null) {
            return node;
        }
        child(node, "repository", repository(metrics.repository()));
        texts(node, "profiles", metrics.profiles());
        ArrayNode inline = NODES.arrayNode();
        metrics.metrics().forEach(metric -> inline.add(metric(metric)));
        child(node, "metrics", inline);
        return node;
    }

    private static ObjectNode repository(Repository repository) {
        ObjectNode node = NODES.objectNode();
        if (repository != null) {
            text(node, "url", repository.url());
            text(node, "ref", repository.ref());
        }
        return node;
    }

    private static ObjectNode metric(InlineMetric metric) {
        ObjectNode node = NODES.objectNode();
        text(node, "name", metric.name());
        text(node, "type", metric.type());
        text(node, "description", metric.description());
        MetricDynatrace dynatrace = metric.dynatrace();
        ObjectNode settings = NODES.objectNode();
        if (dynatrace != null) {
            if (dynatrace.enabled() != null) {
                settings.put("enabled", dynatrace.enabled());
            }
            text(settings, "unit", dynatrace.unit());
            text(settings, "aggregation", dynatrace.aggregation());
            texts(settings, "dimensions", dynatrace.dimensions());
        }
        child(node, "dynatrace", settings);
        return node;
    }

    private static ObjectNode override(EnvironmentOverride override) {
        ObjectNode node = NODES.objectNode();
        if (override == null) {
            return node;
        }
        number(node, "sloAvailability", override.sloAvailability());
        number(node, "sloLatencyP95ms", override.sloLatencyP95ms());
        number(node, "sloLatencyP99ms", override.sloLatencyP99ms());
        number(node, "sloErrorRate", override.sloErrorRate());
        if (override.dynatrace() != null) {
            ArrayNode rules = NODES.arrayNode();
            // Alert rules are free-form: copied field by field in their own order.
            override.dynatrace().alertRules().forEach(rule -> rules.add(rule.deepCopy()));
            ObjectNode dynatrace = NODES.objectNode();
            child(dynatrace, "alertRules", rules);
            child(node, "dynatrace", dynatrace);
        }
        return node;
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void number(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.set(field, NODES.numberNode(value));
        }
    }

    private static void texts(ObjectNode node, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void child(ObjectNode node, String field, JsonNode child) {
        if (!child.isEmpty()) {
            node.set(field, child);
        }
    }
}
