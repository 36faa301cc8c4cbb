package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The design document's payment-processor entry (section 3.1) against the embedded profile and
 * catalog: what its section 7.1 output leaves out is here (docs/spec.md#where-we-depart-from-the-design-document).
 */
class PaymentProcessorMergeTest {

    @Test
    void everyTargetIsMergedInConfiguredOrderWithNothingTheInputsDefineDropped() {
        MergeResult result = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.2.0"));

        assertEquals(List.of(), result.findings());
        assertEquals(List.of("int/euw1", "int/euw2", "pre/euw1", "pre/euw2", "prod/euw1", "prod/euw2"),
                result.targets().stream().map(t -> t.target().environment() + "/" + t.target().region()).toList());
        MergedTarget prod = MergeFixtures.target(result, "prod", "euw2");
        JsonNode app = prod.application();
        assertEquals(List.of("service", "team", "environment", "costCenter", "businessUnit", "region", "archetype", "size"),
                names(app.get("monitoring").get("requestAttributes")));
        assertEquals(List.of("ErrorRateAnomaly", "HighLatencyAnomaly", "DatabaseSlowQueries", "ServiceCrash",
                        "HighErrorRate", "PaymentVolumeDrop", "FraudScoreHigh", "PaymentSuccessRateLow",
                        "FraudCheckLatencyHigh", "ChargebackRateHigh", "FraudBlockRateHigh"),
                names(app.get("alertRules")));
        assertEquals(List.of("http_requests_total", "http_request_duration_seconds", "http_errors_total",
                        "payment_transactions_total", "payment_success_rate", "fraud_check_latency", "fraud_score",
                        "chargeback_count", "payment_amount_total", "fraud_checks_total", "fraud_blocked_total"),
                names(app.get("customMetrics")));
        assertEquals(List.of("payment-processor-payments-overview", "payment-processor-business-metrics"),
                names(app.get("dashboards")));
        assertEquals("[\"#team-payment-processor\",\"#platform-sre\"]",
                MergePrecedenceTest.rule(prod, "ServiceCrash").get("notificationChannels").get("teams").toString());
        assertEquals("euw2", app.get("metadata").get("region").asText());
        assertEquals("Payments overview for payment-processor in prod (euw2)",
                app.get("dashboards").get(0).get("description").asText());

        assertEquals(List.of(
                        "profile domain-api",
                        "profile domain-api, override prod",
                        "catalog profile payment-business-metrics @ v1.2.0 (commit 3f1c2a9), file profiles/payment-business-metrics/metrics.yaml",
                        "catalog profile payment-fraud-metrics @ v1.2.0 (commit 3f1c2a9), file profiles/payment-fraud-metrics/metrics.yaml",
                        "catalog service payment-processor @ v1.2.0 (commit 3f1c2a9), file services/payment-processor/payment-business-metrics.yaml",
                        "catalog service payment-processor @ v1.2.0 (commit 3f1c2a9), file services/payment-processor/payment-fraud-metrics.yaml",
                        "inline",
                        "entry override prod"),
                prod.sources().stream().map(Source::label).toList());
        assertEquals(List.of("profile domain-api",
                        "catalog profile payment-business-metrics @ v1.2.0 (commit 3f1c2a9), file profiles/payment-business-metrics/metrics.yaml",
                        "catalog profile payment-fraud-metrics @ v1.2.0 (commit 3f1c2a9), file profiles/payment-fraud-metrics/metrics.yaml",
                        "catalog service payment-processor @ v1.2.0 (commit 3f1c2a9), file services/payment-processor/payment-business-metrics.yaml",
                        "catalog service payment-processor @ v1.2.0 (commit 3f1c2a9), file services/payment-processor/payment-fraud-metrics.yaml",
                        "inline"),
                MergeFixtures.target(result, "int", "euw1").sources().stream().map(Source::label).toList());
        assertEquals(app.get("alertRules").size(), prod.provenance().alertRules().size());
        assertEquals(app.get("customMetrics").size(), prod.provenance().customMetrics().size());
    }

    @Test
    void aMetricInACatalogProfileAndTheServiceDirectoryAppearsOnceAtV130() {
        ServiceEntry entry = MergeFixtures.entry(MergeFixtures.resource("merge/payment-processor.yaml")
                .replace("ref: v1.2.0", "ref: v1.3.0")
                .replace("      - payment-fraud-metrics      # Fraud detection metrics\n",
                        "      - payment-fraud-metrics\n      - payment-revenue-metrics\n"));
        assertEquals(List.of("payment-business-metrics", "payment-fraud-metrics", "payment-revenue-metrics"),
                entry.monitoring().customMetrics().profiles());
        MergeResult result = MergeFixtures.merge(entry, MergeFixtures.embeddedProfiles().get("domain-api"),
                CatalogFiles.embedded("v1.3.0"));

        assertEquals(List.of(), result.findings());
        MergedTarget target = result.targets().get(0);
        assertEquals(1, MetricMergeTest.metricNames(target).stream().filter("revenue_total"::equals).count());
        assertEquals(1, names(target.application().get("alertRules")).stream().filter("RevenueDrop"::equals).count());
        assertEquals("catalog service payment-processor @ v1.3.0 (commit 8e7d6c5), file services/payment-processor/payment-revenue-metrics.yaml",
                MergePrecedenceTest.provenance(target.provenance().customMetrics(), "revenue_total").get("unit"));
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }
}
