package com.company.onboarding.servicesyaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.change.LineDiff;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The minimal replacement of one services.yaml entry, on the embedded sample file with the
 * design document's payment-processor entry added: each edit of the workflow as the exact diff
 * a reviewer sees.
 */
class EntryReplacerTest {

    private static final String FILE = Fixtures.text("services-yaml/01-design-doc-comments-and-blank-lines.yaml")
            + "\n" + Entries.paymentProcessorYaml().lines().map(l -> l.isEmpty() ? "" : "    " + l)
            .reduce("", (a, b) -> a + b + "\n").replaceFirst("    name:", "  - name:");

    private static ObjectNode item(String text, String name) {
        try {
            for (JsonNode item : YamlTrees.read(text, ParseLimits.DEFAULT).path("services")) {
                if (item.path("name").asText().equals(name)) {
                    return (ObjectNode) item.deepCopy();
                }
            }
        } catch (com.company.onboarding.parsing.DocumentException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + name);
    }

    private static String diff(String service, Consumer<ObjectNode> edit) throws UnsafeEditException {
        ObjectNode entry = item(FILE, service);
        edit.accept(entry);
        EntryReplacer.Replaced replaced = new EntryReplacer().replace(FILE, service, entry);
        assertFalse(replaced.rewritten(), "the minimal edit verified");
        String unified = LineDiff.unified("a", "b", FILE, replaced.text());
        return unified.substring(unified.indexOf("@@"));
    }

    @Test
    void aRefBumpIsOneLineWithItsCommentKept() throws Exception {
        assertEquals("""
                @@ -19,7 +19,7 @@
                       customMetrics:
                         repository:
                           url: https://github.com/company/metrics-catalog
                -          ref: v1.2.0  # Pin to version
                +          ref: v1.3.0  # Pin to version
                \s
                   # Nightly reconciliation of the ledger against the card schemes.
                   - name: ledger-reconciliation
                """, diff("account-service", e -> Entries.set(e, "/monitoring/customMetrics/repository/ref", "v1.3.0")));
    }

    @Test
    void oneMoreCatalogProfileIsOneAddedLine() throws Exception {
        String diff = diff("payment-processor", e -> {
            Entries.set(e, "/monitoring/customMetrics/repository/ref", "v1.3.0");
            Entries.set(e, "/monitoring/customMetrics/profiles/-", "payment-revenue-metrics");
        });
        assertEquals(1, diff.lines().filter(l -> l.startsWith("-")).count(), "only the ref line changes: " + diff);
        assertEquals(2, diff.lines().filter(l -> l.startsWith("+")).count(), "the ref line and one profile: " + diff);
        assertTrue(diff.contains("""
                -          ref: v1.2.0  # Pin to version
                +          ref: v1.3.0  # Pin to version
                """), diff);
        assertTrue(diff.contains("""
                           - payment-fraud-metrics      # Fraud detection metrics
                +          - payment-revenue-metrics
                """), diff);
    }

    @Test
    void aQuotedValueStaysQuotedAndAFlowListIsRewrittenOnItsLine() throws Exception {
        assertEquals("""
                @@ -6,11 +6,11 @@
                   - name: account-service
                     archetype: api
                     size: medium
                -    regions: [euw1, euw2]
                +    regions: [euw1]
                     enabledIn: [int-stable, pre-stable, prod]
                     costProfile: standard-api-cost
                     cost:
                -      costCenter: "COR-B"
                +      costCenter: "COR-C"
                       businessUnit: "core-banking"
                       costOwner: "accounts@company.com"
                     monitoringProfile: domain-api
                """, diff("account-service", e -> {
                    Entries.set(e, "/regions", "[euw1]");
                    Entries.set(e, "/cost/costCenter", "COR-C");
                }));
    }

    @Test
    void aRemovedKeyTakesItsLinesAndOnlyThose() throws Exception {
        String diff = diff("payment-processor", e -> Entries.remove(e, "/monitoring/overrides/prod/dynatrace"));
        assertEquals(0, diff.lines().filter(l -> l.startsWith("+")).count(), diff);
        assertEquals(10, diff.lines().filter(l -> l.startsWith("-")).count(), diff);
        assertTrue(diff.contains("-          dynatrace:\n-            alertRules:\n-              - name: \"PaymentSuccessRateLow\"\n"), diff);
        assertTrue(diff.contains("\n           # Additional Dynatrace alert rules for prod\n-"), "the comment above stays: " + diff);
    }

    @Test
    void anAddedKeyGoesWhereTheEntrysOrderPutsIt() throws Exception {
        String diff = diff("account-service", e -> {
            ObjectNode monitoring = (ObjectNode) e.get("monitoring");
            ObjectNode reordered = YamlTrees.NODES.objectNode();
            reordered.set("dynatrace", monitoring.get("dynatrace"));
            reordered.set("customMetrics", monitoring.get("customMetrics"));
            reordered.set("overrides", Entries.paymentProcessor().get("monitoring").get("overrides").deepCopy());
            e.set("monitoring", reordered);
            ((ObjectNode) e.at("/monitoring/overrides/prod")).remove("dynatrace");
        });
        assertEquals("""
                @@ -20,6 +20,11 @@
                         repository:
                           url: https://github.com/company/metrics-catalog
                           ref: v1.2.0  # Pin to version
                +      overrides:
                +        prod:
                +          sloAvailability: 99.99
                +          sloLatencyP95ms: 200
                +          sloErrorRate: 0.05
                \s
                   # Nightly reconciliation of the ledger against the card schemes.
                   - name: ledger-reconciliation
                """, diff);
    }

    @Test
    void anInlineMetricIsFoundByNameAndChangedInPlace() throws Exception {
        String diff = diff("payment-processor", e -> {
            Entries.set(e, "/monitoring/customMetrics/metrics/0/description", "'All payment transactions'");
            Entries.set(e, "/monitoring/customMetrics/metrics/0/dynatrace/dimensions/-", "region");
        });
        assertTrue(diff.contains("""
                -            description: "Total payment transactions processed"
                +            description: "All payment transactions"
                """), diff);
        assertTrue(diff.contains("""
                -              dimensions: ["status", "payment_method", "environment"]
                +              dimensions: ["status", "payment_method", "environment", region]
                """), diff);
        assertEquals(2, diff.lines().filter(l -> l.startsWith("+")).count(), diff);
    }

    @Test
    void aValueThatChangesShapeIsWrittenAgainFromItsKeyToItsLastLine() throws Exception {
        assertEquals("""
                @@ -9,10 +9,7 @@
                     regions: [euw1, euw2]
                     enabledIn: [int-stable, pre-stable, prod]
                     costProfile: standard-api-cost
                -    cost:
                -      costCenter: "COR-B"
                -      businessUnit: "core-banking"
                -      costOwner: "accounts@company.com"
                +    cost: {}
                     monitoringProfile: domain-api
                     monitoring:
                       dynatrace: true
                """, diff("account-service", e -> e.putObject("cost")));
    }

    @Test
    void theSameEntryChangesNothingAndAnUnknownServiceIsRefused() throws Exception {
        ObjectNode same = item(FILE, "ledger-reconciliation");
        assertEquals(FILE, new EntryReplacer().replace(FILE, "ledger-reconciliation", same).text());
        assertTrue(EntryReplacer.sameEntry(item(FILE, "ledger-reconciliation"), same));
        assertThrows(IllegalArgumentException.class, () -> new EntryReplacer().replace(FILE, "nope", same));
    }

    @Test
    void crlfLineEndingsAreKeptOnNewLines() throws Exception {
        String crlf = FILE.replace("\n", "\r\n");
        ObjectNode entry = item(FILE, "ledger-reconciliation");
        Entries.set(entry, "/monitoring/customMetrics", "{repository: {url: 'https://github.com/company/metrics-catalog', ref: v1.3.0}}");
        String edited = new EntryReplacer().replace(crlf, "ledger-reconciliation", entry).text();
        assertFalse(edited.replace("\r\n", "").contains("\n"), "only CRLF line breaks");
        assertTrue(edited.contains("      dynatrace: true\r\n      customMetrics:\r\n        repository:\r\n"), edited);
    }
}
