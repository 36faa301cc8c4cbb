package com.company.onboarding.api;

/**
 * Examples of the change operations for the published contract, from the embedded default:
 * account-service moved from the catalog's v1.2.0 to v1.3.0 (commit ids shortened).
 */
final class ChangeExamples {

    static final String ENTRY_YAML = """
            name: account-service
            archetype: api
            size: medium
            regions: [euw1, euw2]
            enabledIn: [int-stable, pre-stable, prod]
            costProfile: standard-api-cost
            cost:
              costCenter: "COR-B"
              businessUnit: "core-banking"
              costOwner: "accounts@company.com"
            monitoringProfile: domain-api
            monitoring:
              dynatrace: true
              customMetrics:
                repository:
                  url: https://github.com/company/metrics-catalog
                  ref: v1.3.0
            """;

    static final String UPDATE_REQUEST = """
            {"entry": {"name": "account-service", "archetype": "api", "size": "medium",
              "regions": ["euw1", "euw2"], "enabledIn": ["int-stable", "pre-stable", "prod"],
              "costProfile": "standard-api-cost",
              "cost": {"costCenter": "COR-B", "businessUnit": "core-banking", "costOwner": "accounts@company.com"},
              "monitoringProfile": "domain-api",
              "monitoring": {"dynatrace": true, "customMetrics": {"repository": {
                "url": "https://github.com/company/metrics-catalog", "ref": "v1.3.0"}}}},
             "requestedBy": "alice@company.com"}""";

    static final String DIFF = """
            {"service": "account-service", "status": "changed", "baseCommit": "65f95206a46d...",
             "before": {"profile": "domain-api", "catalogRef": "v1.2.0", "catalogCommit": "75e3808b9f0d..."},
             "after": {"profile": "domain-api", "catalogRef": "v1.3.0", "catalogCommit": "77723d751c59..."},
             "summary": {"added": 0, "removed": 0, "changed": 6, "unchanged": 0},
             "entryChanges": [{"pointer": "/monitoring/customMetrics/repository/ref", "kind": "changed",
               "before": "v1.2.0", "after": "v1.3.0"}],
             "targets": [{"target": {"environment": "int", "track": "stable", "region": "euw1",
                 "namespace": "int-account-service-euw1-stable"},
               "status": "changed",
               "summary": {"customMetrics": {"added": 0, "removed": 0, "changed": 0},
                 "alertRules": {"added": 0, "removed": 0, "changed": 0},
                 "slos": {"added": 0, "removed": 0, "changed": 0}, "other": 2},
               "changes": [{"pointer": "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref",
                 "kind": "changed", "before": "v1.2.0", "after": "v1.3.0", "source": "entry"}],
               "yamlDiff": "--- a/generated/account-service/int/euw1/monitoring/dynatrace-app-config.yaml\\n+++ b/generated/account-service/int/euw1/monitoring/dynatrace-app-config.yaml\\n@@ -12,8 +12,8 @@\\n...\\n-    monitoring.company.com/metrics-catalog-ref: v1.2.0\\n+    monitoring.company.com/metrics-catalog-ref: v1.3.0\\n..."}],
             "valid": true, "errors": [], "warnings": []}""";

    static final String UPDATE_CREATED = """
            {"provider": "local", "branch": "update/account-service",
             "commit": "0f3e2d4a5b6c7d8e9f00112233445566778899aa", "status": "created"}""";

    static final String UPDATE_UNCHANGED = """
            {"status": "unchanged"}""";

    static final String IMPACT = """
            {"from": {"ref": "v1.2.0", "kind": "tag", "commit": "75e3808b9f0d..."},
             "to": {"ref": "v1.3.0", "kind": "tag", "commit": "77723d751c59..."},
             "baseCommit": "65f95206a46d...",
             "summary": {"services": 1, "changed": 1, "unchanged": 0, "invalid": 0},
             "services": [{"service": "account-service", "ref": "v1.2.0", "followsBranch": false, "status": "changed",
               "summary": {"added": 0, "removed": 0, "changed": 6, "unchanged": 0},
               "targets": [{"target": {"environment": "int", "track": "stable", "region": "euw1",
                   "namespace": "int-account-service-euw1-stable"}, "status": "changed",
                 "summary": {"customMetrics": {"added": 0, "removed": 0, "changed": 0},
                   "alertRules": {"added": 0, "removed": 0, "changed": 0},
                   "slos": {"added": 0, "removed": 0, "changed": 0}, "other": 2},
                 "changes": [{"pointer": "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref",
                   "kind": "changed", "before": "v1.2.0", "after": "v1.3.0", "source": "entry"}]}],
               "errors": [], "warnings": []}]}""";

    private ChangeExamples() {
    }
}
