package com.company.onboarding.testing;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.ServiceEntry.Cost;
import com.company.onboarding.entry.ServiceEntry.CustomMetrics;
import com.company.onboarding.entry.ServiceEntry.EnvironmentOverride;
import com.company.onboarding.entry.ServiceEntry.InlineMetric;
import com.company.onboarding.entry.ServiceEntry.MetricDynatrace;
import com.company.onboarding.entry.ServiceEntry.Monitoring;
import com.company.onboarding.entry.ServiceEntry.OverrideDynatrace;
import com.company.onboarding.entry.ServiceEntry.Repository;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Entries the editor and onboarding tests append. */
public final class SampleEntries {

    private SampleEntries() {
    }

    /** The design document's entry (section 3.1), as the onboarding flow would bind it. */
    public static ServiceEntry paymentProcessor() {
        ObjectNode rule = (ObjectNode) yaml("""
                name: PaymentSuccessRateLow
                enabled: true
                condition: payment_success_rate < 95.0
                targets: [SERVICE]
                severity: critical
                channels:
                  teams: ["#team-payment-processor"]
                  email: [owner@company.com]
                """);
        return new ServiceEntry("payment-processor", "api", "large", List.of("euw1", "euw2"),
                List.of("int-stable", "pre-stable", "prod"), "standard-api-cost",
                new Cost("COR-B", "core-banking", "owner@company.com"), "domain-api",
                new Monitoring(true,
                        new CustomMetrics(new Repository("https://github.com/company/metrics-catalog", "v1.2.0"),
                                List.of("payment-business-metrics", "payment-fraud-metrics"),
                                List.of(new InlineMetric("payment_transactions_total", "counter",
                                        "Total payment transactions processed",
                                        new MetricDynatrace(true, "count", "sum",
                                                List.of("status", "payment_method", "environment"))))),
                        Map.of("prod", new EnvironmentOverride(new BigDecimal("99.99"), new BigDecimal("200"), null,
                                new BigDecimal("0.05"), new OverrideDynatrace(List.of(rule))))));
    }

    /** The design document's entry as its section 3.1 writes it, parsed: what the appended item must read back as. */
    public static JsonNode paymentProcessorAsWritten() {
        return com.company.onboarding.validation.Entries.paymentProcessor();
    }

    /** Only a name, archetype and profile. */
    public static ServiceEntry minimal(String name) {
        return new ServiceEntry(name, "api", null, null, null, null, null, "domain-api", null);
    }

    public static JsonNode yaml(String text) {
        try {
            return YamlTrees.read(text, ParseLimits.DEFAULT);
        } catch (DocumentException e) {
            throw new UncheckedIOException(new java.io.IOException(e.describe()));
        }
    }
}
