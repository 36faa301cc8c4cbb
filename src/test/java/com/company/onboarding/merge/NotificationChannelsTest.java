package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.profile.MonitoringProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** docs/spec.md#notification-channels: {@code channels} and {@code notificationChannels} become one de-duplicated object. */
class NotificationChannelsTest {

    private static final MonitoringProfile PROFILE = MergeFixtures.profiles("""
            monitoringProfiles:
              base:
                dynatrace:
                  enabled: true
                  application: {monitoredTechnologies: [java]}
                  alertRules:
                    - name: FromProfile
                      condition: CrashDetection
                      channels:
                        teams: ["#team-{SERVICE}", "#platform-sre", "#team-checkout"]
                        email: ["owner@company.com", "owner@company.com"]
                    - name: BothSpellings
                      condition: CrashDetection
                      channels:
                        teams: ["#a", "#b"]
                      notificationChannels:
                        teams: ["#b", "#c"]
                        email: ["ops@company.com"]
                    - name: ReplacedLater
                      condition: CrashDetection
                      channels:
                        teams: ["#old"]
                        email: ["old@company.com"]
            """).get("base");

    private static final CatalogSnapshot CATALOG = MetricMergeTest.catalog(
            CatalogFiles.fromJson("services/checkout/rules.yaml", """
                    {"alertRules": [
                      {"name": "FromCatalog", "condition": "CrashDetection",
                       "notificationChannels": {"teams": ["#fraud-ops", "#fraud-ops"], "pagerduty": ["checkout-oncall"]}},
                      {"name": "ReplacedLater", "notificationChannels": {"teams": ["#new"]}}
                    ]}
                    """));

    @Test
    void channelsAndNotificationChannelsAreReadAndWrittenAsOneDeduplicatedObject() throws Exception {
        ServiceEntry entry = MergeFixtures.entry(MetricMergeTest.ENTRY_HEAD + """
                  customMetrics:
                    repository: {url: "https://github.com/company/metrics-catalog", ref: v2.0.0}
                """);
        MergedTarget target = MergeFixtures.merge(entry, PROFILE, CATALOG).targets().get(0);

        assertEquals(json("""
                {"teams": ["#team-checkout", "#platform-sre"], "email": ["owner@company.com"]}
                """), channels(target, "FromProfile"), "renamed, and de-duplicated after {SERVICE} is substituted");
        assertEquals(json("""
                {"teams": ["#a", "#b", "#c"], "email": ["ops@company.com"]}
                """), channels(target, "BothSpellings"), "both spellings in one item are merged, order kept");
        assertEquals(json("""
                {"teams": ["#fraud-ops"], "pagerduty": ["checkout-oncall"]}
                """), channels(target, "FromCatalog"), "other channel types pass through");
        assertEquals(json("""
                {"teams": ["#new"]}
                """), channels(target, "ReplacedLater"), "a later source replaces the nested object whole");
        for (JsonNode rule : target.application().get("alertRules")) {
            assertFalse(rule.has("channels"), "the output never says channels: " + rule);
        }
        assertEquals("catalog service checkout @ v2.0.0 (commit d00d000), file services/checkout/rules.yaml",
                MergePrecedenceTest.provenance(target.provenance().alertRules(), "ReplacedLater").get("notificationChannels"));
    }

    private static JsonNode channels(MergedTarget target, String rule) {
        return MergePrecedenceTest.rule(target, rule).get("notificationChannels");
    }

    private static JsonNode json(String text) throws Exception {
        return JsonTrees.read(text.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
    }
}
