package com.company.onboarding.merge;

import com.company.onboarding.entry.ServiceEntry.InlineMetric;
import com.company.onboarding.entry.ServiceEntry.MetricDynatrace;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Inline metrics as entries write them, flattened to the catalog's shape (docs/spec.md#lists-merge-by-name):
 * {@code {name, type, description, dynatrace: {enabled, unit, aggregation, dimensions}}} becomes
 * {@code {name, type, description, unit, aggregation, dimensions}}. Absent fields stay absent.
 */
final class InlineMetrics {

    private InlineMetrics() {
    }

    /** The flattened metric, or empty when {@code dynatrace.enabled} is false (the metric is left out). */
    static Optional<Incoming> flatten(InlineMetric metric, Source source, String pointer) {
        MetricDynatrace dynatrace = metric.dynatrace();
        if (dynatrace != null && Boolean.FALSE.equals(dynatrace.enabled())) {
            return Optional.empty();
        }
        ObjectNode item = YamlTrees.NODES.objectNode();
        putText(item, "name", metric.name());
        putText(item, "type", metric.type());
        putText(item, "description", metric.description());
        Map<String, String> renamed = new LinkedHashMap<>();
        if (dynatrace != null) {
            putText(item, "unit", dynatrace.unit());
            putText(item, "aggregation", dynatrace.aggregation());
            if (dynatrace.dimensions() != null) {
                ArrayNode dimensions = item.putArray("dimensions");
                dynatrace.dimensions().forEach(dimensions::add);
            }
            for (String field : new String[] {"unit", "aggregation", "dimensions"}) {
                renamed.put(field, "dynatrace/" + field);
            }
        }
        return Optional.of(new Incoming(item, new Located(source, pointer), renamed));
    }

    private static void putText(ObjectNode item, String field, String value) {
        if (value != null) {
            item.put(field, value);
        }
    }
}
