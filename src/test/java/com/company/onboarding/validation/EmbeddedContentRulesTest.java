package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The sample content the service seeds (docs/spec.md#the-embedded-default) obeys the rules it enforces: every alert
 * condition parses and every custom metric has a valid key, type, unit, aggregation and dimensions.
 */
class EmbeddedContentRulesTest {

    private static final List<String> FILES = List.of(
            "platform-next/kustomize/catalog/monitoring-profiles.yaml",
            "metrics-catalog/services/payment-processor/payment-business-metrics.yaml",
            "metrics-catalog/services/payment-processor/payment-fraud-metrics.yaml",
            "metrics-catalog/services/payment-processor/payment-revenue-metrics.yaml",
            "metrics-catalog/services/account-service/account-metrics.yaml",
            "metrics-catalog/profiles/payment-business-metrics/metrics.yaml",
            "metrics-catalog/profiles/payment-fraud-metrics/metrics.yaml",
            "metrics-catalog/profiles/payment-revenue-metrics/metrics.yaml");

    @Test
    void everySampleConditionParsesAndEverySampleMetricIsValid() throws Exception {
        List<JsonNode> conditions = new ArrayList<>();
        List<JsonNode> metrics = new ArrayList<>();
        for (String file : FILES) {
            collect(document(file), conditions, metrics);
        }
        assertTrue(conditions.size() >= 15, "conditions found: " + conditions.size());
        assertTrue(metrics.size() >= 10, "metrics found: " + metrics.size());

        List<String> problems = new ArrayList<>();
        for (JsonNode condition : conditions) {
            try {
                AlertConditionParser.parse(condition.textValue());
            } catch (ConditionSyntaxException e) {
                problems.add(condition.textValue() + ": " + e.describe());
            }
        }
        for (JsonNode metric : metrics) {
            String name = metric.path("name").textValue();
            check(problems, name, DynatraceNames.checkMetricKey(name));
            check(problems, name, MetricType.check(metric.path("type").textValue()));
            check(problems, name, MetricUnits.check(metric.path("unit").textValue()));
            if (metric.has("aggregation")) {
                check(problems, name, MetricAggregations.check(metric.path("aggregation").textValue()));
            }
            List<String> dimensions = new ArrayList<>();
            metric.path("dimensions").forEach(dimension -> dimensions.add(dimension.textValue()));
            DynatraceNames.checkDimensions(dimensions).forEach(p -> problems.add(name + ": " + p.rejection().message()));
        }
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, String metric, Optional<Rejection> rejection) {
        rejection.ifPresent(r -> problems.add(metric + ": " + r.message()));
    }

    /** The file's tree; for a catalog ConfigMap, the JSON document its data key holds. */
    private static JsonNode document(String file) throws Exception {
        JsonNode tree = YamlTrees.read(resource("embedded/" + file), ParseLimits.DEFAULT);
        JsonNode json = tree.path("data").path("dynatrace-custom-metrics.json");
        return json.isTextual()
                ? JsonTrees.read(json.textValue().getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT)
                : tree;
    }

    private static void collect(JsonNode node, List<JsonNode> conditions, List<JsonNode> metrics) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("condition") && field.getValue().isTextual()) {
                    conditions.add(field.getValue());
                }
                if (field.getKey().equals("customMetrics")) {
                    field.getValue().forEach(metrics::add);
                }
                collect(field.getValue(), conditions, metrics);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, conditions, metrics));
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = EmbeddedContentRulesTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
