package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.profile.MonitoringProfile;
import java.util.List;

/**
 * A small service, {@code checkout}, whose alert rule {@code Layered}, metric {@code layered_total}
 * and SLOs are written in every source that can carry them, each source adding a field of its own.
 */
final class Layers {

    static final String COMMIT = "c0ffee0000000000000000000000000000000001";

    static final String PROFILES = """
            monitoringProfiles:
              base:
                description: "test profile"
                dynatrace:
                  enabled: true
                  primary: true
                  application:
                    monitoredTechnologies: [java]
                    requestNaming: "{RequestPath}"
                    requestAttributes:
                      - name: service
                        source: {kubernetesLabel: app}
                  alertRules:
                    - name: Layered
                      enabled: true
                      condition: "ErrorRate > 1"
                      severity: info
                      fromProfile: 1
                    - name: First
                      enabled: true
                      condition: CrashDetection
                      severity: warning
                    - name: Second
                      enabled: true
                      condition: Anomaly(ErrorRate)
                      severity: warning
                  customMetrics:
                    - name: layered_total
                      type: counter
                      description: "Layered things"
                slos:
                  availability: {baselineInt: 99.0, baselinePre: 99.5, baselineProd: 99.9}
                  latency: {p95Baseline: 500, p99Baseline: 1000}
                  errorRate: {baselineInt: 5.0, baselinePre: 1.0, baselineProd: 0.1}
                environmentOverrides:
                  prod:
                    slos:
                      availability: 99.95
                      latency: {p95Baseline: 300}
                    alertRules:
                      - name: Layered
                        severity: minor
                        fromProfileOverride: 2
            """;

    static final String CATALOG_PROFILE = """
            {
              "customMetrics": [{"name": "layered_total", "type": "counter", "unit": "count"}],
              "alertRules": [
                {"name": "Layered", "severity": "warning", "fromCatalogProfile": 3},
                {"name": "CatalogOnly", "enabled": true, "condition": "layered_total > 1", "severity": "warning"}
              ]
            }
            """;

    static final String CATALOG_SERVICE = """
            {
              "customMetrics": [{"name": "layered_total", "type": "counter", "aggregation": "sum"}],
              "alertRules": [
                {"name": "Layered", "severity": "major", "fromCatalogService": 4},
                {"name": "ServiceOnly", "enabled": true, "condition": "layered_total > 2", "severity": "warning"}
              ]
            }
            """;

    static final String ENTRY = """
            name: checkout
            archetype: api
            size: small
            regions: [euw1]
            enabledIn: [int, pre, prod]
            costProfile: standard-api-cost
            cost:
              costCenter: "CC-1"
              businessUnit: "retail"
              costOwner: "checkout@company.com"
            monitoringProfile: base
            monitoring:
              dynatrace: true
              customMetrics:
                repository:
                  url: https://github.com/company/metrics-catalog
                  ref: v1.0.0
                profiles: [layered]
                metrics:
                  - name: layered_total
                    type: counter
                    description: "Layered things"
                    dynatrace:
                      enabled: true
                      dimensions: [environment]
              overrides:
                prod:
                  sloAvailability: 99.99
                  dynatrace:
                    alertRules:
                      - name: Layered
                        severity: critical
                        fromEntryOverride: 6
                      - name: First
                        condition: "CrashDetection"
                        severity: critical
                      - name: Second
                        enabled: false
                      - name: EntryOnly
                        enabled: true
                        condition: "ErrorRate > 3"
                        severity: critical
            """;

    private Layers() {
    }

    static MonitoringProfile profile() {
        return MergeFixtures.profiles(PROFILES).get("base");
    }

    static ServiceEntry entry() {
        return MergeFixtures.entry(ENTRY);
    }

    static List<CatalogFile> catalogFiles() {
        return List.of(CatalogFiles.fromJson("profiles/layered/metrics.yaml", CATALOG_PROFILE),
                CatalogFiles.fromJson("services/checkout/metrics.yaml", CATALOG_SERVICE));
    }

    static CatalogSnapshot catalog() {
        return CatalogFiles.snapshot("v1.0.0", RefKind.TAG, COMMIT, catalogFiles());
    }

    static MergeResult merge() {
        return MergeFixtures.merge(entry(), profile(), catalog());
    }
}
