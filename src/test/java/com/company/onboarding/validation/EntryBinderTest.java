package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntryBinderTest {

    /** The design document's entry (section 3.1), as written there. */
    static final String PAYMENT_PROCESSOR = Entries.paymentProcessorYaml();

    static EntryBinder.Bound<ServiceEntry> bind(String yaml) throws Exception {
        return EntryBinder.entry(YamlTrees.read(yaml, ParseLimits.DEFAULT));
    }

    static String codes(List<Finding> findings) {
        return findings.stream().map(f -> f.pointer() + " " + f.code()).collect(Collectors.joining("\n"));
    }

    @Test
    void bindsTheDesignDocumentsEntryWithoutFindings() throws Exception {
        EntryBinder.Bound<ServiceEntry> bound = bind(PAYMENT_PROCESSOR);
        assertEquals("", codes(bound.findings()));
        ServiceEntry entry = bound.value();
        assertEquals("payment-processor", entry.name());
        assertEquals(List.of("int-stable", "pre-stable", "prod"), entry.enabledIn());
        assertEquals("v1.2.0", entry.monitoring().customMetrics().repository().ref());
        assertEquals(List.of("status", "payment_method", "environment"),
                entry.monitoring().customMetrics().metrics().get(0).dynatrace().dimensions());
        assertEquals(new BigDecimal("99.99"), entry.monitoring().overrides().get("prod").sloAvailability());
        assertEquals("critical", entry.monitoring().overrides().get("prod").dynatrace().alertRules().get(0)
                .get("severity").asText());
    }

    @Test
    void reportsEveryWrongTypeWithItsPointerAndStillBindsTheRest() throws Exception {
        EntryBinder.Bound<ServiceEntry> bound = bind(PAYMENT_PROCESSOR
                .replace("size: large", "size: [large]")
                .replace("regions: [euw1, euw2]", "regions: [euw1, 7]")
                .replace("dynatrace: true\n", "dynatrace: \"yes\"\n")
                .replace("sloLatencyP95ms: 200", "sloLatencyP95ms: fast"));
        assertEquals("""
                /size entry.malformed
                /regions/1 entry.malformed
                /monitoring/dynatrace entry.malformed
                /monitoring/overrides/prod/sloLatencyP95ms entry.malformed""", codes(bound.findings()));
        assertNull(bound.value().size());
        assertEquals(List.of("euw1"), bound.value().regions());
        assertTrue(bound.tree().path("regions").get(1).isNull(), "the bad item keeps its position in the tree");
        assertEquals("payment-processor", bound.value().name());
        assertNotNull(bound.value().monitoring().overrides().get("prod").sloAvailability());
    }

    @Test
    void reportsMissingRequiredFields() throws Exception {
        EntryBinder.Bound<ServiceEntry> bound = bind("name: x\ncost: {costCenter: C}\nmonitoring: {customMetrics: {repository: {ref: v1}}}\n");
        assertEquals("""
                /archetype field.required
                /size field.required
                /regions field.required
                /enabledIn field.required
                /cost/businessUnit field.required
                /cost/costOwner field.required
                /monitoring/customMetrics/repository/url field.required""", codes(bound.findings()));
    }

    @Test
    void warnsOfUnknownFieldsAndKeepsThemOnlyInAlertRules() throws Exception {
        EntryBinder.Bound<ServiceEntry> bound = bind(PAYMENT_PROCESSOR
                .replace("costProfile:", "costProfil: x\n" + "costProfile:")
                .replace("severity: critical", "severity: critical\n            runbook: https://wiki/x"));
        List<Finding> findings = bound.findings();
        assertEquals(2, findings.size(), codes(findings));
        assertEquals("/costProfil", findings.get(0).pointer());
        assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
        assertEquals("/monitoring/overrides/prod/dynatrace/alertRules/0/runbook", findings.get(1).pointer());
        assertTrue(bound.tree().path("monitoring").path("overrides").path("prod").path("dynatrace").path("alertRules")
                .get(0).has("runbook"));
        assertTrue(!bound.tree().has("costProfil"));
    }

    @Test
    void aKeyLongerThanTheLimitIsAnErrorAtItsPointerWhereverItIs() {
        String longKey = "k".repeat(EntryBinder.MAX_KEY_LENGTH + 1);
        String rule = "/monitoring/overrides/prod/dynatrace/alertRules/0";
        ObjectNode entry = Entries.paymentProcessor(e -> {
            ((ObjectNode) e.at(rule)).put(longKey, "passed through to Dynatrace");
            ((ObjectNode) e.at(rule)).putObject("extra").put(longKey, 1);
            ((ObjectNode) e.at(rule)).putObject("notificationChannels").putArray(longKey).add("x");
            e.put(longKey, "unknown field");
        });
        EntryBinder.Bound<ServiceEntry> bound = EntryBinder.entry(entry);
        assertEquals(String.join("\n",
                rule + "/" + longKey + " field.key.too-long",
                rule + "/extra/" + longKey + " field.key.too-long",
                rule + "/notificationChannels/" + longKey + " field.key.too-long",
                "/" + longKey + " field.key.too-long",
                rule + "/extra field.unknown"), codes(bound.findings()));
        assertTrue(bound.findings().get(0).message().endsWith("this one has 101"), bound.findings().get(0).message());
    }

    @Test
    void aKeyAtTheLimitIsFineAndCountsCharactersNotCodeUnits() {
        String emoji = "\uD83D\uDE00".repeat(EntryBinder.MAX_KEY_LENGTH); // 200 UTF-16 units, 100 characters
        ObjectNode entry = Entries.paymentProcessor(e -> ((ObjectNode) e.at("/monitoring/overrides/prod/dynatrace/alertRules/0"))
                .put(emoji, "x"));
        assertEquals("/monitoring/overrides/prod/dynatrace/alertRules/0/" + emoji + " field.unknown",
                codes(EntryBinder.entry(entry).findings()));
    }

    @Test
    void aBodyThatIsNotAMappingIsMalformedAtTheRoot() throws Exception {
        EntryBinder.Bound<ServiceEntry> bound = EntryBinder.entry(YamlTrees.read("- a\n- b\n", ParseLimits.DEFAULT));
        assertEquals(" entry.malformed", codes(bound.findings()));
        assertNull(bound.value());
    }

    @Test
    void theJsonTwinTheLoadBenchmarkPostsIsTheSameEntry() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("bench/payment-processor.json")) {
            assertEquals(Entries.paymentProcessor(), com.company.onboarding.parsing.JsonTrees.read(in.readAllBytes(),
                    ParseLimits.DEFAULT));
        }
    }
}
