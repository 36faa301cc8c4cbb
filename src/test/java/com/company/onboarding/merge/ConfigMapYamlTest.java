package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.Target;
import com.company.onboarding.entry.Targets;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/spec.md#output: the ConfigMap as CI writes it. */
class ConfigMapYamlTest {

    @Test
    void namespaceIsEnvironmentServiceRegionTrack() {
        MergeResult result = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.2.0"));
        assertEquals(List.of("int-payment-processor-euw1-stable", "int-payment-processor-euw2-stable",
                        "pre-payment-processor-euw1-stable", "pre-payment-processor-euw2-stable",
                        "prod-payment-processor-euw1-stable", "prod-payment-processor-euw2-stable"),
                result.targets().stream().map(t -> t.configMap().metadata().namespace()).toList());

        var entry = MergeFixtures.entry("""
                name: checkout
                regions: [euw2]
                enabledIn: [prod, int-canary]
                cost: {costCenter: "CC-1", businessUnit: "retail", costOwner: "checkout@company.com"}
                monitoringProfile: domain-api
                """);
        Targets targets = new Targets(List.of("int", "pre", "prod"), List.of("stable", "canary"), "stable",
                List.of("euw1", "euw2"));
        MergeResult tracked = new MergeEngine().merge(new MergeInput(entry,
                MergeFixtures.embeddedProfiles().get("domain-api"), null, null, targets));
        assertEquals(List.of("int-checkout-euw2-canary", "prod-checkout-euw2-stable"),
                tracked.targets().stream().map(t -> t.configMap().metadata().namespace()).toList());
        assertEquals(List.of(new Target("int", "canary", "euw2", "int-checkout-euw2-canary"),
                new Target("prod", "stable", "euw2", "prod-checkout-euw2-stable")),
                tracked.targets().stream().map(MergedTarget::target).toList());
        assertEquals("checkout-dynatrace-config", tracked.targets().get(0).configMap().metadata().name());
    }

    @Test
    void theConfigMapIsWrittenAsCiWritesItWithTheApplicationJsonAsALiteralBlock() throws Exception {
        MergedTarget prod = MergeFixtures.target(new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.2.0")),
                "prod", "euw1");
        String yaml = prod.yaml();

        assertTrue(yaml.startsWith("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: payment-processor-dynatrace-config
                  namespace: prod-payment-processor-euw1-stable
                  labels:
                    app: payment-processor
                    monitoring.profile: domain-api
                    monitoring.tool: dynatrace
                    monitoring.primary: "true"
                    cost.service: payment-processor
                    cost.costCenter: COR-B
                    cost.businessUnit: core-banking
                  annotations:
                    monitoring.company.com/metrics-catalog-ref: v1.2.0
                    monitoring.company.com/metrics-catalog-commit: "3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345"
                data:
                  application.json: |
                    {
                      "metadata": {
                        "name": "payment-processor",
                        "environment": "prod",
                        "region": "euw1",
                        "team": "owner@company.com",
                        "costCenter": "COR-B",
                        "businessUnit": "core-banking",
                        "monitoringProfile": "domain-api"
                      },
                      "monitoring": {
                        "technologies": ["java", "http", "databases", "kubernetes"],
                        "requestNaming": "{RequestPath} [{RequestMethod}]",
                """), yaml);
        assertTrue(yaml.endsWith("\n    }\n"), "the block ends with the JSON's closing brace and one newline");

        JsonNode parsed = YamlTrees.read(yaml, ParseLimits.DEFAULT);
        assertTrue(parsed.get("metadata").get("labels").get("monitoring.primary").isTextual(), "a string, not a boolean");
        String applicationJson = parsed.get("data").get("application.json").asText();
        assertEquals(prod.configMap().applicationJson(), applicationJson);
        assertEquals(prod.application(), JsonTrees.read(applicationJson.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT));
        List<String> order = new java.util.ArrayList<>();
        prod.application().fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("metadata", "monitoring", "slos", "alertRules", "customMetrics", "dashboards"), order);
    }

    @Test
    void everyDocumentOfTheStreamReparsesAndAnEntryWithoutCatalogHasNoAnnotations() throws Exception {
        MergeResult result = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.3.0"));
        String[] documents = result.yaml().split("(?m)^---\n");
        assertEquals(6, documents.length);
        for (int i = 0; i < documents.length; i++) {
            assertEquals(result.targets().get(i).yaml(), documents[i]);
            JsonNode parsed = YamlTrees.read(documents[i], ParseLimits.DEFAULT);
            assertEquals(result.targets().get(i).target().namespace(), parsed.get("metadata").get("namespace").asText());
        }

        MergeResult one = result.select("pre", null, "euw2");
        assertEquals(List.of("pre-payment-processor-euw2-stable"),
                one.targets().stream().map(t -> t.target().namespace()).toList());
        assertEquals(result.targets().get(3).yaml(), one.yaml(), "one target is one document, no separator");
        assertEquals(List.of(), result.select("qa", null, null).targets());

        var entry = MetricMergeTest.entry("");
        MergedTarget plain = MergeFixtures.merge(entry, MergeFixtures.embeddedProfiles().get("domain-api"), null)
                .targets().get(0);
        assertFalse(plain.yaml().contains("annotations:"));
        assertTrue(YamlTrees.read(plain.yaml(), ParseLimits.DEFAULT).get("metadata").get("annotations") == null);
    }

    @Test
    void scalarsYamlWouldReadAsAnotherTypeAreQuotedAndEverythingReparses() throws Exception {
        String[][] table = {
            // value as held, as written
            {"COR-B", "COR-B"}, {"v1.2.0", "v1.2.0"}, {"owner@company.com", "owner@company.com"},
            {"true", "\"true\""}, {"No", "\"No\""}, {"null", "\"null\""}, {"", "\"\""},
            {"123", "\"123\""}, {"1e3", "\"1e3\""}, {"-x", "\"-x\""}, {"a: b", "\"a: b\""}, {"#x", "\"#x\""},
            {"say \"hi\"\n\u2028", "\"say \\\"hi\\\"\\n\\u2028\""},
        };
        for (String[] row : table) {
            assertEquals(row[1], ConfigMapYaml.scalar(row[0]));
            JsonNode reparsed = YamlTrees.read("k: " + ConfigMapYaml.scalar(row[0]) + "\n", ParseLimits.DEFAULT);
            assertEquals(row[0], reparsed.get("k").textValue(), row[0]);
        }
    }

    @Test
    void dataValuesKeepTheirExactEndingAndFallBackToQuotesWhenABlockCannotHoldThem() throws Exception {
        for (String value : List.of("{\n}\n", "no final newline\nsecond", "two\n\n", "  leading spaces\nx\n",
                "trailing space \nx\n", "next line\u0085x\n", "a\n\nb\n")) {
            ConfigMap configMap = new ConfigMap("v1", "ConfigMap",
                    new ConfigMap.Metadata("x-dynatrace-config", "int-x-euw1-stable", Map.of("app", "x"), Map.of()),
                    Map.of("application.json", value));
            String yaml = ConfigMapYaml.render(configMap);
            assertEquals(value, YamlTrees.read(yaml, ParseLimits.DEFAULT).get("data").get("application.json").textValue(),
                    yaml);
        }
    }
}
