package com.company.onboarding.catalogdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One metrics-catalog file that carries {@code data."dynatrace-custom-metrics.json"}, parsed
 * (docs/spec.md#metrics-catalog-files). Files without that key are not represented at all.
 *
 * @param path          path in the repository, e.g. {@code services/payment-processor/payment-business-metrics.yaml}
 * @param customMetrics the JSON's {@code customMetrics}, items as written
 * @param alertRules    the JSON's {@code alertRules}, items as written
 * @param dashboards    the JSON's {@code dashboards}, items as written
 */
public record CatalogFile(String path, List<ObjectNode> customMetrics, List<ObjectNode> alertRules,
        List<ObjectNode> dashboards) {

    public CatalogFile {
        customMetrics = List.copyOf(customMetrics);
        alertRules = List.copyOf(alertRules);
        dashboards = List.copyOf(dashboards);
    }
}
