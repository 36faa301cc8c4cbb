package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.Targets;
import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/spec.md#slos: SLOs per environment, numbers exactly as written. */
class SloResolutionTest {

    @Test
    void slosResolvePerEnvironmentForIntPreAndProd() {
        MergeResult result = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.2.0"));

        assertSlos(MergeFixtures.target(result, "int", "euw1"), "99.0", "500", "1000", "5.0");
        assertSlos(MergeFixtures.target(result, "pre", "euw2"), "99.5", "500", "1000", "1.0");
        // prod: profile override gives 99.99 / 200 / 0.05, the entry's override the same again; p99 stays the baseline.
        MergedTarget prod = MergeFixtures.target(result, "prod", "euw1");
        assertSlos(prod, "99.99", "200", "1000", "0.05");
        assertEquals(Map.of("availability", "entry override prod", "latencyP95Ms", "entry override prod",
                "latencyP99Ms", "profile domain-api", "errorRate", "entry override prod"), prod.provenance().slos());
        assertEquals(Map.of("availability", "profile domain-api", "latencyP95Ms", "profile domain-api",
                        "latencyP99Ms", "profile domain-api", "errorRate", "profile domain-api"),
                MergeFixtures.target(result, "int", "euw1").provenance().slos());
        assertTrue(MergeFixtures.target(result, "int", "euw1").configMap().applicationJson().contains(
                "  \"slos\": {\n    \"availability\": 99.0,\n    \"latencyP95Ms\": 500,\n    \"latencyP99Ms\": 1000,\n"
                        + "    \"errorRate\": 5.0\n  },\n"), "written plain, scale kept");
    }

    @Test
    void aConfiguredEnvironmentReadsItsCapitalisedBaselineAndABadValueIsReportedNotUsed() {
        var profile = MergeFixtures.profiles("""
                monitoringProfiles:
                  base:
                    dynatrace: {enabled: true, application: {monitoredTechnologies: [java]}}
                    slos:
                      availability: {baselineStaging: 98.5, baselineProd: 99.9}
                      latency: {p95Baseline: "fast", p99Baseline: 900}
                      errorRate: 2.50
                """).get("base");
        var entry = MergeFixtures.entry("""
                name: checkout
                regions: [euw1]
                enabledIn: [staging]
                cost: {costCenter: "CC-1", businessUnit: "retail", costOwner: "checkout@company.com"}
                monitoringProfile: base
                """);
        Targets targets = new Targets(List.of("staging", "prod"), List.of("stable"), "stable", List.of("euw1"));
        MergeResult result = new MergeEngine().merge(new MergeInput(entry, profile, null, null, targets));

        JsonNode slos = result.targets().get(0).application().get("slos");
        assertEquals("98.5", slos.get("availability").decimalValue().toPlainString());
        assertEquals("2.50", slos.get("errorRate").decimalValue().toPlainString(), "a single number is every environment's");
        assertEquals(900, slos.get("latencyP99Ms").intValue());
        assertTrue(slos.get("latencyP95Ms") == null, "a value that is not a number is not used");
        Finding invalid = MetricMergeTest.only(result, "field.invalid");
        assertEquals("/monitoringProfiles/base/slos/latency/p95Baseline", invalid.pointer());
        assertEquals("kustomize/catalog/monitoring-profiles.yaml", invalid.source());
    }

    private static void assertSlos(MergedTarget target, String availability, String p95, String p99, String errorRate) {
        JsonNode slos = target.application().get("slos");
        assertEquals(List.of("availability", "latencyP95Ms", "latencyP99Ms", "errorRate"),
                List.copyOf(iterable(slos)), "docs/spec.md#slos key order");
        assertEquals(availability, slos.get("availability").decimalValue().toPlainString());
        assertEquals(p95, slos.get("latencyP95Ms").decimalValue().toPlainString());
        assertEquals(p99, slos.get("latencyP99Ms").decimalValue().toPlainString());
        assertEquals(errorRate, slos.get("errorRate").decimalValue().toPlainString());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
