package com.company.onboarding.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.change.Change.Kind;
import com.company.onboarding.change.TargetDiff.Status;
import com.company.onboarding.merge.CatalogFiles;
import com.company.onboarding.merge.MergeFixtures;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diff of two merges, pure: the design document's payment-processor moved from the catalog's
 * v1.2.0 to v1.3.0 with the payment-revenue-metrics profile added (its section 10), against a
 * reviewed golden file; reorderings that are no change; targets that appear and disappear.
 *
 * <p>Regenerate the golden file after an intended change with
 * {@code ./mvnw -B test -Dskip.npm -Dtest=MergeDiffTest -Dgolden.update=true} and review its diff.
 */
class MergeDiffTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/diff");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The entry of the design document's section 10, step 3: v1.3.0 and one more catalog profile. */
    static String v130(String yaml) {
        return yaml.replace("ref: v1.2.0", "ref: v1.3.0")
                .replace("      - payment-fraud-metrics      # Fraud detection metrics\n",
                        "      - payment-fraud-metrics      # Fraud detection metrics\n      - payment-revenue-metrics\n");
    }

    private static MergeResult merge(String yaml, String tag) {
        return MergeFixtures.merge(MergeFixtures.entry(yaml), MergeFixtures.embeddedProfiles().get("domain-api"),
                CatalogFiles.embedded(tag));
    }

    @Test
    void theSameMergeIsUnchangedEverywhere() {
        MergeResult merge = merge(Entries.paymentProcessorYaml(), "v1.2.0");
        List<TargetDiff> diffs = MergeDiff.targets("payment-processor", merge, merge, true);
        assertEquals(6, diffs.size());
        diffs.forEach(d -> {
            assertEquals(Status.UNCHANGED, d.status());
            assertEquals(List.of(), d.changes());
            assertEquals("", d.yamlDiff());
        });
    }

    @Test
    void paymentProcessorFromV120ToV130EqualsTheGoldenFile() throws Exception {
        MergeResult before = merge(Entries.paymentProcessorYaml(), "v1.2.0");
        MergeResult after = merge(v130(Entries.paymentProcessorYaml()), "v1.3.0");
        List<TargetDiff> diffs = MergeDiff.targets("payment-processor", before, after, true);

        TargetDiff prod = diffs.stream().filter(d -> d.target().environment().equals("prod")
                && d.target().region().equals("euw1")).findFirst().orElseThrow();
        assertEquals(Status.CHANGED, prod.status());
        Change revenue = change(prod, "/customMetrics/revenue_total");
        assertEquals(Kind.ADDED, revenue.kind());
        assertEquals("counter", revenue.after().path("type").asText());
        assertTrue(revenue.source().startsWith("catalog profile payment-revenue-metrics @ v1.3.0"), revenue.source());
        assertEquals(Kind.ADDED, change(prod, "/alertRules/RevenueDrop").kind());
        Change ref = change(prod, "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref");
        assertEquals("v1.2.0", ref.before().asText());
        assertEquals("v1.3.0", ref.after().asText());
        assertTrue(prod.yamlDiff().contains("\n-    monitoring.company.com/metrics-catalog-ref: v1.2.0\n")
                && prod.yamlDiff().contains("\n+    monitoring.company.com/metrics-catalog-ref: v1.3.0\n"), prod.yamlDiff());

        String actual = JSON.writeValueAsString(diffs) + "\n";
        Path golden = GOLDEN.resolve("payment-processor-v1.2.0-to-v1.3.0.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                golden + " differs; regenerate as this test's Javadoc says, and review the diff");
    }

    @Test
    void itemsThatOnlyMoveInTheirListAreNoChange() {
        String yaml = Entries.paymentProcessorYaml();
        String swapped = yaml.replace("""
                      - payment-business-metrics  # Business metrics profile
                      - payment-fraud-metrics      # Fraud detection metrics
                """, """
                      - payment-fraud-metrics
                      - payment-business-metrics
                """);
        assertTrue(!swapped.equals(yaml), "the fixture still lists both profiles");
        MergeResult before = merge(yaml, "v1.2.0");
        MergeResult after = merge(swapped, "v1.2.0");
        List<TargetDiff> diffs = MergeDiff.targets("payment-processor", before, after, true);
        diffs.forEach(d -> {
            assertEquals(List.of(), d.changes(), d.target() + ": " + d.changes());
            assertEquals(Status.UNCHANGED, d.status());
        });
        assertTrue(diffs.stream().anyMatch(d -> !d.yamlDiff().isEmpty()),
                "the ConfigMap bytes do change: the YAML diff shows the new order");
    }

    @Test
    void targetsOfOnlyOneSideAreAddedOrRemovedInTargetOrder() {
        String yaml = Entries.paymentProcessorYaml();
        MergeResult before = merge(yaml, "v1.2.0");
        MergeResult after = merge(yaml.replace("regions: [euw1, euw2]", "regions: [euw2]"), "v1.2.0");
        MergeResult fewer = merge(yaml.replace("enabledIn: [int-stable, pre-stable, prod]", "enabledIn: [int-stable, prod]"),
                "v1.2.0");
        List<TargetDiff> diffs = MergeDiff.targets("payment-processor", before, after, true);
        assertEquals(List.of("int/euw1 removed", "int/euw2 unchanged", "pre/euw1 removed", "pre/euw2 unchanged",
                "prod/euw1 removed", "prod/euw2 unchanged"), summary(diffs));
        TargetDiff removed = diffs.get(0);
        assertTrue(removed.yamlDiff().startsWith("--- a/generated/payment-processor/int/euw1/monitoring/dynatrace-app-config.yaml\n"
                + "+++ /dev/null\n@@ -1,"), removed.yamlDiff());
        List<TargetDiff> back = MergeDiff.targets("payment-processor", fewer, before, false);
        assertEquals(List.of("int/euw1 unchanged", "int/euw2 unchanged", "pre/euw1 added", "pre/euw2 added",
                "prod/euw1 unchanged", "prod/euw2 unchanged"), summary(back));
        assertEquals(null, back.get(2).yamlDiff(), "no YAML diff unless asked");
    }

    @Test
    void entryChangesPointIntoTheEntry() {
        var before = Entries.paymentProcessor();
        var after = Entries.paymentProcessor(e -> {
            Entries.set(e, "/monitoring/customMetrics/repository/ref", "v1.3.0");
            Entries.set(e, "/monitoring/customMetrics/metrics/0/description", "'Every payment'");
        });
        List<Change> changes = MergeDiff.entry(before, after);
        assertEquals(List.of("/monitoring/customMetrics/repository/ref changed",
                "/monitoring/customMetrics/metrics/payment_transactions_total/description changed"),
                changes.stream().map(c -> c.pointer() + " " + c.kind().json()).toList());
    }

    private static List<String> summary(List<TargetDiff> diffs) {
        return diffs.stream().map(d -> d.target().environment() + "/" + d.target().region() + " " + d.status().json())
                .toList();
    }

    private static Change change(TargetDiff diff, String pointer) {
        return diff.changes().stream().filter(c -> c.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no change at " + pointer + " in " + diff.changes().stream()
                        .map(Change::pointer).toList()));
    }
}
