package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.profile.MonitoringProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/spec.md#lists-merge-by-name for custom metrics: one item per name, type conflicts, redefinitions, inline flattening. */
class MetricMergeTest {

    private static final MonitoringProfile DOMAIN_API = MergeFixtures.embeddedProfiles().get("domain-api");

    @Test
    void aMetricDefinedInTheCatalogAndInlineAppearsOnce() {
        MergeResult result = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.2.0"));
        MergedTarget prod = MergeFixtures.target(result, "prod", "euw1");

        List<String> names = metricNames(prod);
        assertEquals(1, names.stream().filter("payment_transactions_total"::equals).count(),
                "defined by a catalog profile, the service's catalog file and inline: " + names);
        assertEquals(3, names.indexOf("payment_transactions_total"), "keeps the first position (after the profile's three)");
        assertEquals("inline", MergePrecedenceTest.provenance(prod.provenance().customMetrics(), "payment_transactions_total")
                .get("type"));
        assertEquals("application", metric(prod, "payment_transactions_total").get("source").asText(),
                "a field only the catalog writes stays");
        assertEquals(List.of(), result.findings(), "identical definitions are neither conflicts nor redefinitions");
    }

    @Test
    void changingAMetricTypeInlineIsAConflictPointingAtTheEntry() {
        ServiceEntry entry = entry("""
                - name: http_requests_total
                  type: gauge
                  description: "Total HTTP requests"
                """);
        MergeResult result = MergeFixtures.merge(entry, DOMAIN_API, null);

        Finding conflict = only(result, "metric.conflict");
        assertTrue(conflict.isError());
        assertEquals("/monitoring/customMetrics/metrics/0/type", conflict.pointer());
        assertNull(conflict.source(), "the cause is in the entry");
        assertTrue(conflict.message().contains("profile domain-api") && conflict.message().contains("inline"),
                conflict.message());
        assertEquals("counter", metric(result.targets().get(0), "http_requests_total").get("type").asText(),
                "the type Dynatrace knows is kept");
        assertTrue(result.hasErrors());
    }

    @Test
    void changingAMetricTypeInTheCatalogIsAConflictNamingTheFileAndRef() {
        CatalogSnapshot catalog = catalog(CatalogFiles.fromJson("services/checkout/metrics.yaml", """
                {"customMetrics": [{"name": "http_errors_total", "type": "histogram"}]}
                """));
        MergeResult result = MergeFixtures.merge(entry(""), DOMAIN_API, catalog);

        Finding conflict = only(result, "metric.conflict");
        assertEquals("/customMetrics/0/type", conflict.pointer());
        assertEquals("services/checkout/metrics.yaml@v2.0.0", conflict.source());
    }

    @Test
    void redefiningAMetricFieldWarnsNamingBothSources() {
        CatalogSnapshot catalog = catalog(
                CatalogFiles.fromJson("profiles/shared/metrics.yaml", """
                        {"customMetrics": [{"name": "orders_total", "type": "counter", "unit": "count", "source": "application"}]}
                        """),
                CatalogFiles.fromJson("services/checkout/orders.yaml", """
                        {"customMetrics": [{"name": "orders_total", "type": "counter", "unit": "percent", "aggregation": "sum"}]}
                        """));
        ServiceEntry entry = MergeFixtures.entry(ENTRY_HEAD + """
                  customMetrics:
                    repository: {url: "https://github.com/company/metrics-catalog", ref: v2.0.0}
                    profiles: [shared]
                """);
        MergeResult result = MergeFixtures.merge(entry, DOMAIN_API, catalog);

        Finding redefined = only(result, "metric.redefined");
        assertFalse(redefined.isError());
        assertEquals("/customMetrics/0/unit", redefined.pointer());
        assertEquals("services/checkout/orders.yaml@v2.0.0", redefined.source());
        assertTrue(redefined.message().contains("catalog profile shared @ v2.0.0"), redefined.message());
        assertTrue(redefined.message().contains("catalog service checkout @ v2.0.0"), redefined.message());
        assertTrue(redefined.message().contains("unit \"count\" becomes \"percent\""), redefined.message());
        assertFalse(redefined.message().contains("aggregation") || redefined.message().contains("source"),
                "fields written by one source only are not redefinitions: " + redefined.message());
        JsonNode merged = metric(result.targets().get(0), "orders_total");
        assertEquals("percent", merged.get("unit").asText());
        assertEquals("application", merged.get("source").asText());
    }

    @Test
    void inlineMetricsAreFlattenedAndThoseWithDynatraceDisabledLeftOut() throws Exception {
        ServiceEntry entry = entry("""
                - name: orders_total
                  type: counter
                  description: "Orders placed"
                  dynatrace:
                    enabled: true
                    unit: count
                    aggregation: sum
                    dimensions: [channel, environment]
                - name: debug_total
                  type: counter
                  description: "Local debugging only"
                  dynatrace:
                    enabled: false
                    unit: count
                - name: http_errors_total
                  type: counter
                  dynatrace:
                    enabled: false
                - name: http_requests_total
                  type: counter
                  dynatrace:
                    unit: requests
                """);
        MergeResult result = MergeFixtures.merge(entry, DOMAIN_API, null);
        MergedTarget target = result.targets().get(0);

        JsonNode expected = JsonTrees.read("""
                {"name": "orders_total", "type": "counter", "description": "Orders placed", "unit": "count",
                 "aggregation": "sum", "dimensions": ["channel", "environment"]}
                """.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
        assertEquals(expected, metric(target, "orders_total"));
        assertFalse(metricNames(target).contains("debug_total"), "dynatrace.enabled: false leaves the metric out");
        assertTrue(metricNames(target).contains("http_errors_total"), "the profile's definition stays");
        Finding ignored = only(result, "metric.inline-disabled");
        assertEquals("/monitoring/customMetrics/metrics/2/dynatrace/enabled", ignored.pointer());
        assertEquals("inline", MergePrecedenceTest.provenance(target.provenance().customMetrics(), "orders_total")
                .get("unit"));
        Finding redefined = only(result, "metric.redefined");
        assertEquals("/monitoring/customMetrics/metrics/3/dynatrace/unit", redefined.pointer(),
                "a flattened field is reported where the entry writes it");
    }

    static final String ENTRY_HEAD = """
            name: checkout
            regions: [euw1]
            enabledIn: [int]
            cost: {costCenter: "CC-1", businessUnit: "retail", costOwner: "checkout@company.com"}
            monitoringProfile: domain-api
            monitoring:
            """;

    /** checkout with these inline metrics (YAML list items indented for {@code metrics:}), or none for "". */
    static ServiceEntry entry(String inlineMetrics) {
        if (inlineMetrics.isEmpty()) {
            return MergeFixtures.entry(ENTRY_HEAD + "  dynatrace: true\n");
        }
        return MergeFixtures.entry(ENTRY_HEAD + "  customMetrics:\n    metrics:\n"
                + inlineMetrics.lines().map(l -> "      " + l + "\n").reduce("", String::concat));
    }

    static CatalogSnapshot catalog(CatalogFile... files) {
        return CatalogFiles.snapshot("v2.0.0", RefKind.TAG, "d00d000000000000000000000000000000000002", List.of(files));
    }

    static Finding only(MergeResult result, String code) {
        List<Finding> found = result.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, found.size(), "one " + code + " in " + result.findings());
        return found.get(0);
    }

    static JsonNode metric(MergedTarget target, String name) {
        for (JsonNode metric : target.application().get("customMetrics")) {
            if (metric.path("name").asText().equals(name)) {
                return metric;
            }
        }
        throw new AssertionError("no metric " + name);
    }

    static List<String> metricNames(MergedTarget target) {
        List<String> names = new ArrayList<>();
        target.application().get("customMetrics").forEach(m -> names.add(m.get("name").asText()));
        return names;
    }
}
