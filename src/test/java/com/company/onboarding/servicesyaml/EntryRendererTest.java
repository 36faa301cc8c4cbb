package com.company.onboarding.servicesyaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.ServiceEntry.Cost;
import com.company.onboarding.entry.ServiceEntry.CustomMetrics;
import com.company.onboarding.entry.ServiceEntry.EnvironmentOverride;
import com.company.onboarding.entry.ServiceEntry.Monitoring;
import com.company.onboarding.entry.ServiceEntry.OverrideDynatrace;
import com.company.onboarding.entry.ServiceEntry.Repository;
import com.company.onboarding.parsing.YamlScalars;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.testing.SampleEntries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class EntryRendererTest {

    /** Strings a naive writer gets wrong; each must read back as itself from every reader. */
    static final List<String> AWKWARD = List.of(
            "", " ", "  ", " leading", "trailing ", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off",
            "Off", "OFF", "y", "Y", "n", "N", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL",
            "~", "1", "-1", "+1", "01", "0777", "1.0", "99.99", ".5", "1.", "1e3", "1E3", "1e-3", "-1.5e+3", "0x1F",
            "0o17", "0b101", "1_000", "12:30", "190:20:30", "1.2.0", "2024-01-01", "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "<<", "=", "a: b", "a:", "key:value",
            "a #b", "a#b", "#x", "-x", "- x", "-", "--", "---", "...", "?x", "? x", ":x", ",x", "[x", "]x", "{x", "}x",
            "&x", "*x", "!x", "|x", ">x", "'x", "\"x", "%x", "@x", "`x", "a, b", "[a, b]", "{a: b}", "a\nb", "a\r\nb",
            "trailing newline\n", "\n", "tab\there", "\t", "nul\u0000", "bell\u0007", "del\u007F", "nel\u0085",
            "ls\u2028x", "ps\u2029x", "bom\uFEFF", "zero\u200Bwidth", "rtl\u202Eoverride", "emoji 🚀", "🚀", "日本語",
            "Zoë", "nbsp\u00A0", "\u00A0", "back\\slash", "C:\\path\\to", "quote\"d", "it's", "'both' \"quotes\"",
            "payment_success_rate < 95.0", "revenue_total < previous_day * 0.9", "JobStatus == 'FAILED'",
            "{SERVICE}-{ENVIRONMENT}", "#team-payment-processor", "a?b", "a ?b", "._", "_1", "+_1", "0b_1", "ü\u00A0'>?9'?a", "%", "@", "!important", "*", "&", "a\\nb");

    /** Strings that read back unchanged without quotes, so the writer leaves them plain. */
    static final List<String> PLAIN = List.of("payment-processor", "COR-B", "core-banking", "owner@company.com",
            "https://github.com/company/metrics-catalog", "v1.2.0", "payment_success_rate < 95.0", "domain-api",
            "Total payment transactions processed", "a#b", "key:value", "日本語", "Zoë", "emoji 🚀", "it's",
            "JobStatus == 'FAILED'", "int-stable", "euw1", "2fa-service");

    private static final Yaml YAML_1_1 = new Yaml(new SafeConstructor(new LoaderOptions()));

    @ParameterizedTest
    @MethodSource("awkward")
    void everyStringReadsBackAsItselfInBlockAndFlowContextAndAsKey(String value) {
        String block = "k: " + YamlScalars.string(value, false) + "\n";
        assertEquals(value, SampleEntries.yaml(block).get("k").textValue(), block);
        assertEquals(value, ((Map<?, ?>) YAML_1_1.load(block)).get("k"), "YAML 1.1: " + block);

        String flow = "k: [" + YamlScalars.string(value, true) + ", x]\n";
        assertEquals(value, SampleEntries.yaml(flow).get("k").get(0).textValue(), flow);
        assertEquals(List.of(value, "x"), ((Map<?, ?>) YAML_1_1.load(flow)).get("k"), "YAML 1.1: " + flow);

        String key = YamlScalars.key(value) + ": 1\n";
        assertEquals(value, SampleEntries.yaml(key).fieldNames().next(), key);
        assertEquals(value, ((Map<?, ?>) YAML_1_1.load(key)).keySet().iterator().next(), "YAML 1.1: " + key);
    }

    static List<String> awkward() {
        return AWKWARD;
    }

    @Test
    void quotesOnlyWhereAReaderNeedsIt() {
        for (String value : PLAIN) {
            assertEquals(value, YamlScalars.string(value, false), "left plain");
        }
        assertEquals("\"yes\"", YamlScalars.string("yes", false));
        assertEquals("\"1.0\"", YamlScalars.string("1.0", false));
        assertEquals("C:\\path", YamlScalars.string("C:\\path", false));
        assertEquals("'C:\\path: x'", YamlScalars.string("C:\\path: x", false), "single quotes spare the backslashes");
        assertEquals("\"a\\nb\"", YamlScalars.string("a\nb", false), "line breaks as escapes on one line");
        assertEquals("\"rtl\\u202Eoverride\"", YamlScalars.string("rtl\u202Eoverride", false), "invisible characters escaped");
        assertEquals("\"a:b\"", YamlScalars.string("a:b", true), "no ':' in a flow plain scalar");
    }

    @Test
    void numbersArePlainDecimals() {
        assertEquals("1000", YamlScalars.number(new BigDecimal("1E+3")));
        assertEquals("0.0000001", YamlScalars.number(new BigDecimal("1E-7")));
        assertEquals("99.0", YamlScalars.number(new BigDecimal("99.0")));
        assertThrows(IllegalArgumentException.class,
                () -> YamlScalars.render(YamlTrees.NODES.numberNode(Double.POSITIVE_INFINITY), false));
    }

    @Test
    void rendersTheDesignDocumentEntryInItsKeyOrder() {
        assertEquals("""
                  - name: payment-processor
                    archetype: api
                    size: large
                    regions: [euw1, euw2]
                    enabledIn: [int-stable, pre-stable, prod]
                    costProfile: standard-api-cost
                    cost:
                      costCenter: COR-B
                      businessUnit: core-banking
                      costOwner: owner@company.com
                    monitoringProfile: domain-api
                    monitoring:
                      dynatrace: true
                      customMetrics:
                        repository:
                          url: https://github.com/company/metrics-catalog
                          ref: v1.2.0
                        profiles:
                          - payment-business-metrics
                          - payment-fraud-metrics
                        metrics:
                          - name: payment_transactions_total
                            type: counter
                            description: Total payment transactions processed
                            dynatrace:
                              enabled: true
                              unit: count
                              aggregation: sum
                              dimensions: [status, payment_method, environment]
                      overrides:
                        prod:
                          sloAvailability: 99.99
                          sloLatencyP95ms: 200
                          sloErrorRate: 0.05
                          dynatrace:
                            alertRules:
                              - name: PaymentSuccessRateLow
                                enabled: true
                                condition: payment_success_rate < 95.0
                                targets: [SERVICE]
                                severity: critical
                                channels:
                                  teams: ["#team-payment-processor"]
                                  email: [owner@company.com]
                """, EntryRenderer.render(SampleEntries.paymentProcessor(), YamlLayout.DEFAULT));
    }

    @Test
    void leavesOutNullAndEmptyPartsButKeepsFalse() {
        ServiceEntry entry = new ServiceEntry("quiet", null, null, List.of(), null, null, new Cost(null, null, null),
                "batch-job-observability", new Monitoring(false, new CustomMetrics(new Repository(null, null), null, null),
                        Map.of("prod", new EnvironmentOverride(null, null, null, null, null))));
        assertEquals("""
                - name: quiet
                  monitoringProfile: batch-job-observability
                  monitoring:
                    dynatrace: false
                """, EntryRenderer.render(entry, new YamlLayout(0, 2, 2, 2, "\n")));
    }

    @Test
    void writesAlertRulesFieldByFieldInTheirOrderWithNestedValues() {
        ObjectNode rule = (ObjectNode) SampleEntries.yaml("""
                severity: warning
                name: "on"
                window: {minutes: 5, rolling: true}
                thresholds: [{level: 1, value: 0.5}, {level: 2, value: 12345678901234567890}]
                tags: []
                extra: {}
                owner: null
                "key: odd": 'x'
                """);
        ServiceEntry entry = withRules(List.of(rule));
        String text = EntryRenderer.render(entry, YamlLayout.DEFAULT);
        assertEquals("""
                  - name: svc
                    monitoring:
                      overrides:
                        prod:
                          dynatrace:
                            alertRules:
                              - severity: warning
                                name: "on"
                                window:
                                  minutes: 5
                                  rolling: true
                                thresholds:
                                  - level: 1
                                    value: 0.5
                                  - level: 2
                                    value: 12345678901234567890
                                tags: []
                                extra: {}
                                owner: null
                                "key: odd": x
                """, text);
        JsonNode back = SampleEntries.yaml("services:\n" + text).at("/services/0/monitoring/overrides/prod/dynatrace/alertRules/0");
        assertEquals(rule.toString(), back.toString());
    }

    @Test
    void followsTheLayoutOfTheFile() {
        ServiceEntry entry = new ServiceEntry("svc", null, null, null, null, null, new Cost("C-1", null, null), null,
                new Monitoring(null, new CustomMetrics(null, List.of("p1"), null), null));
        assertEquals("""
                    -   name: svc\r
                        cost:\r
                            costCenter: C-1\r
                        monitoring:\r
                            customMetrics:\r
                                profiles:\r
                                - p1\r
                """, EntryRenderer.render(entry, new YamlLayout(4, 4, 4, 0, "\r\n")));
    }

    @Test
    void writesLongListsInBlockStyle() {
        List<String> regions = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "region-" + i).toList();
        ServiceEntry entry = new ServiceEntry("svc", null, null, regions, List.of("prod"), null, null, null, null);
        String text = EntryRenderer.render(entry, YamlLayout.DEFAULT);
        assertTrue(text.contains("    regions:\n      - region-0\n"), text);
        assertTrue(text.contains("    enabledIn: [prod]\n"), text);
        assertFalse(text.lines().anyMatch(line -> line.length() > BlockYamlWriter.FLOW_WIDTH), text);
    }

    @Test
    void keysOfTheTreeComeInTheDesignDocumentOrder() {
        JsonNode tree = EntryTree.of(SampleEntries.paymentProcessor());
        List<String> keys = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("name", "archetype", "size", "regions", "enabledIn", "costProfile", "cost",
                "monitoringProfile", "monitoring"), keys);
        assertEquals(SampleEntries.paymentProcessorAsWritten().toString(), tree.toString());
        assertInstanceOf(ObjectNode.class, tree.at("/monitoring/overrides/prod/dynatrace/alertRules/0"));
    }

    private static ServiceEntry withRules(List<ObjectNode> rules) {
        Map<String, EnvironmentOverride> overrides = new LinkedHashMap<>();
        overrides.put("prod", new EnvironmentOverride(null, null, null, null, new OverrideDynatrace(rules)));
        return new ServiceEntry("svc", null, null, null, null, null, null, null, new Monitoring(null, null, overrides));
    }
}
