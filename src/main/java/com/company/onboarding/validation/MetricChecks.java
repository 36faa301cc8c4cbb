package com.company.onboarding.validation;

import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A custom metric by Dynatrace's rules (docs/library-notes.md#dynatrace-names): key, type, unit,
 * aggregation and dimension keys. Inline metrics keep unit, aggregation and dimensions under
 * {@code dynatrace}; profile and catalog metrics have them flat; {@code details} says where.
 */
final class MetricChecks {

    private MetricChecks() {
    }

    /** Checks the metric at {@code pointer}; {@code details} is where unit etc. live relative to it ("" or "/dynatrace"). */
    static void check(JsonNode metric, String pointer, String details, Consumer<Finding> out) {
        JsonNode name = metric.get("name");
        if (name != null && name.isTextual()) {
            reject(DynatraceNames.checkMetricKey(name.asText()), pointer + "/name", "metric.name.invalid", out);
        }
        JsonNode type = metric.get("type");
        if (type != null && type.isTextual()) {
            reject(MetricType.check(type.asText()), pointer + "/type", "metric.type.invalid", out);
        }
        JsonNode holder = details.isEmpty() ? metric : metric.path(details.substring(1));
        JsonNode unit = holder.get("unit");
        if (unit != null && unit.isTextual()) {
            reject(MetricUnits.check(unit.asText()), pointer + details + "/unit", "metric.unit.invalid", out);
        }
        JsonNode aggregation = holder.get("aggregation");
        if (aggregation != null && aggregation.isTextual()) {
            reject(MetricAggregations.check(aggregation.asText()), pointer + details + "/aggregation",
                    "metric.aggregation.invalid", out);
        }
        JsonNode dimensions = holder.get("dimensions");
        if (dimensions != null && dimensions.isArray()) {
            List<String> keys = new ArrayList<>();
            dimensions.forEach(d -> keys.add(d.isTextual() ? d.asText() : ""));
            for (DynatraceNames.DimensionProblem problem : DynatraceNames.checkDimensions(keys)) {
                out.accept(EntryChecks.finding(pointer + details + "/dimensions/" + problem.index(),
                        "metric.dimension.invalid", problem.rejection()));
            }
        }
    }

    private static void reject(Optional<Rejection> rejection, String pointer, String code, Consumer<Finding> out) {
        rejection.ifPresent(r -> out.accept(EntryChecks.finding(pointer, code, r)));
    }
}
