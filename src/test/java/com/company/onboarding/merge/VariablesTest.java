package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/spec.md#variables: variables substituted in values, never in serialized text. */
class VariablesTest {

    private static final MonitoringProfile PROFILE = MergeFixtures.profiles("""
            monitoringProfiles:
              base:
                dynatrace:
                  enabled: true
                  application:
                    monitoredTechnologies: [java]
                    requestNaming: "{RequestPath} [{RequestMethod}]"
            """).get("base");

    private static final CatalogSnapshot CATALOG = MetricMergeTest.catalog(
            CatalogFiles.fromJson("services/checkout/rules.yaml", """
                    {"alertRules": [
                      {"name": "Templated", "condition": "CrashDetection",
                       "description": "{SERVICE} in {ENVIRONMENT}/{REGION} for {TEAM}: {COST_CENTER} | {BUSINESS_UNIT} at {RequestPath}"},
                      {"name": "Unknown", "condition": "CrashDetection",
                       "description": "{SERVICE} owned by {SQUAD}, {RequestMethod} and {lowercase} untouched"}
                    ]}
                    """));

    private static final String ENTRY = """
            name: checkout
            regions: [euw1, euw2]
            enabledIn: [prod]
            cost:
              costCenter: "CC/1 \\"north\\""
              businessUnit: "retail {REGION}\\nand: more"
              costOwner: "o'brien@company.com"
            monitoringProfile: base
            monitoring:
              customMetrics:
                repository: {url: "https://github.com/company/metrics-catalog", ref: v2.0.0}
                metrics:
                  - name: odd_total
                    type: counter
                    description: "{FOO_BAR} of {SERVICE}"
            """;

    @Test
    void variablesAreSubstitutedInValuesHoldingSlashesQuotesAndNewlinesWithoutBreakingTheDocument() throws Exception {
        ServiceEntry entry = MergeFixtures.entry(ENTRY);
        MergeResult result = MergeFixtures.merge(entry, PROFILE, CATALOG);
        MergedTarget target = MergeFixtures.target(result, "prod", "euw2");

        assertEquals("checkout in prod/euw2 for o'brien@company.com: CC/1 \"north\" | retail {REGION}\nand: more at {RequestPath}",
                MergePrecedenceTest.rule(target, "Templated").get("description").asText(),
                "values replaced as they are, a replacement is not scanned again, Dynatrace placeholders kept");
        assertEquals("{RequestPath} [{RequestMethod}]", target.application().get("monitoring").get("requestNaming").asText());
        assertEquals("retail {REGION}\nand: more", target.application().get("metadata").get("businessUnit").asText(),
                "metadata is the entry's values, verbatim");

        // The YAML re-parses; its JSON re-parses to the very application document; labels keep their odd values.
        JsonNode yaml = YamlTrees.read(target.yaml(), ParseLimits.DEFAULT);
        JsonNode json = JsonTrees.read(yaml.get("data").get("application.json").asText().getBytes(StandardCharsets.UTF_8),
                ParseLimits.DEFAULT);
        assertEquals(target.application(), json);
        assertEquals("CC/1 \"north\"", yaml.get("metadata").get("labels").get("cost.costCenter").asText());
        assertEquals("retail {REGION}\nand: more", yaml.get("metadata").get("labels").get("cost.businessUnit").asText());
        // And the whole stream of both targets too.
        assertEquals(2, result.yaml().split("(?m)^---$").length);
    }

    @Test
    void anUnknownUpperCaseTokenIsLeftInPlaceAndWarnedWhereItIsWritten() {
        MergeResult result = MergeFixtures.merge(MergeFixtures.entry(ENTRY), PROFILE, CATALOG);
        MergedTarget target = MergeFixtures.target(result, "prod", "euw1");

        assertEquals("checkout owned by {SQUAD}, {RequestMethod} and {lowercase} untouched",
                MergePrecedenceTest.rule(target, "Unknown").get("description").asText());
        List<Finding> unknown = result.findings().stream().filter(f -> f.code().equals("variable.unknown")).toList();
        assertEquals(2, unknown.size(), "each place once, though two targets hold it: " + unknown);

        Finding inCatalog = unknown.stream().filter(f -> f.message().contains("{SQUAD}")).findFirst().orElseThrow();
        assertEquals("/alertRules/1/description", inCatalog.pointer());
        assertEquals("services/checkout/rules.yaml@v2.0.0", inCatalog.source());
        assertFalse(inCatalog.isError());

        Finding inEntry = unknown.stream().filter(f -> f.message().contains("{FOO_BAR}")).findFirst().orElseThrow();
        assertEquals("/monitoring/customMetrics/metrics/0/description", inEntry.pointer());
        assertNull(inEntry.source());
        assertEquals("{FOO_BAR} of checkout", MetricMergeTest.metric(target, "odd_total").get("description").asText());
    }
}
