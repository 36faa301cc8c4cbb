package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/spec.md#sources-and-precedence and docs/spec.md#lists-merge-by-name: six sources in precedence order, lists merged by name. */
class MergePrecedenceTest {

    private static final String PROFILE = "profile base";
    private static final String PROFILE_OVERRIDE = "profile base, override prod";
    private static final String CATALOG_PROFILE =
            "catalog profile layered @ v1.0.0 (commit c0ffee0), file profiles/layered/metrics.yaml";
    private static final String CATALOG_SERVICE =
            "catalog service checkout @ v1.0.0 (commit c0ffee0), file services/checkout/metrics.yaml";
    private static final String INLINE = "inline";
    private static final String ENTRY_OVERRIDE = "entry override prod";

    @Test
    void eachFieldComesFromTheHighestOfTheSixSourcesThatSetsIt() {
        MergeResult result = Layers.merge();
        MergedTarget prod = MergeFixtures.target(result, "prod", "euw1");

        JsonNode layered = rule(prod, "Layered");
        assertEquals("critical", layered.get("severity").asText(), "the entry override is the highest source");
        assertEquals("ErrorRate > 1", layered.get("condition").asText());
        for (String field : List.of("fromProfile", "fromProfileOverride", "fromCatalogProfile", "fromCatalogService",
                "fromEntryOverride")) {
            assertTrue(layered.has(field), "every source's own field is kept: " + field);
        }
        Map<String, String> fields = provenance(prod.provenance().alertRules(), "Layered");
        assertEquals(PROFILE, fields.get("name"), "the name says where the rule was first defined");
        assertEquals(PROFILE, fields.get("condition"));
        assertEquals(PROFILE, fields.get("fromProfile"));
        assertEquals(PROFILE_OVERRIDE, fields.get("fromProfileOverride"));
        assertEquals(CATALOG_PROFILE, fields.get("fromCatalogProfile"));
        assertEquals(CATALOG_SERVICE, fields.get("fromCatalogService"));
        assertEquals(ENTRY_OVERRIDE, fields.get("fromEntryOverride"));
        assertEquals(ENTRY_OVERRIDE, fields.get("severity"));

        // Without the two prod overrides, the catalog's service file is the highest source of the rule.
        MergedTarget integration = MergeFixtures.target(result, "int", "euw1");
        JsonNode intLayered = rule(integration, "Layered");
        assertEquals("major", intLayered.get("severity").asText());
        assertFalse(intLayered.has("fromProfileOverride"));
        assertFalse(intLayered.has("fromEntryOverride"));
        assertEquals(CATALOG_SERVICE, provenance(integration.provenance().alertRules(), "Layered").get("severity"));

        // Metrics: profile, then catalog profile, catalog service, inline.
        Map<String, String> metric = provenance(prod.provenance().customMetrics(), "layered_total");
        assertEquals(INLINE, metric.get("description"));
        assertEquals(CATALOG_PROFILE, metric.get("unit"));
        assertEquals(CATALOG_SERVICE, metric.get("aggregation"));
        assertEquals(INLINE, metric.get("dimensions"));
        assertEquals(1, prod.application().get("customMetrics").size());

        // SLOs: profile baseline, profile override, entry override.
        assertEquals(Map.of("availability", ENTRY_OVERRIDE, "latencyP95Ms", PROFILE_OVERRIDE,
                "latencyP99Ms", PROFILE, "errorRate", PROFILE), prod.provenance().slos());
        assertEquals("99.99", prod.application().get("slos").get("availability").decimalValue().toPlainString());
        assertEquals(300, prod.application().get("slos").get("latencyP95Ms").intValue());

        // Sources, in precedence order.
        assertEquals(List.of(Source.Kind.PROFILE, Source.Kind.PROFILE_OVERRIDE, Source.Kind.CATALOG_PROFILE,
                        Source.Kind.CATALOG_SERVICE, Source.Kind.INLINE, Source.Kind.ENTRY_OVERRIDE),
                prod.sources().stream().map(Source::kind).toList());
        assertEquals(List.of(Source.Kind.PROFILE, Source.Kind.CATALOG_PROFILE, Source.Kind.CATALOG_SERVICE,
                        Source.Kind.INLINE),
                integration.sources().stream().map(Source::kind).toList());
        Source catalogService = prod.sources().get(3);
        assertEquals("v1.0.0", catalogService.ref());
        assertEquals(Layers.COMMIT, catalogService.commit());
        assertEquals("services/checkout/metrics.yaml", catalogService.path());
    }

    @Test
    void aRedefinedItemKeepsItsFirstPositionAndNewNamesAreAppended() {
        MergedTarget prod = MergeFixtures.target(Layers.merge(), "prod", "euw1");

        assertEquals(List.of("Layered", "First", "Second", "CatalogOnly", "ServiceOnly", "EntryOnly"), names(prod));
        assertEquals("critical", rule(prod, "First").get("severity").asText(), "redefined in place by the entry override");
        assertEquals(List.of("Layered", "First", "Second", "CatalogOnly", "ServiceOnly"),
                names(MergeFixtures.target(Layers.merge(), "int", "euw1")));
        List<String> provenanceNames = prod.provenance().alertRules().stream().map(ItemProvenance::name).toList();
        assertEquals(names(prod), provenanceNames, "provenance runs parallel to the output list");
    }

    @Test
    void anOverrideWithEnabledFalseKeepsTheBaseRuleDisabled() {
        MergeResult result = Layers.merge();

        JsonNode prodSecond = rule(MergeFixtures.target(result, "prod", "euw1"), "Second");
        assertFalse(prodSecond.get("enabled").booleanValue(), "kept, switched off, so a sync can turn it off in Dynatrace");
        assertEquals("Anomaly(ErrorRate)", prodSecond.get("condition").asText(), "the base rule's other fields stay");
        assertEquals(ENTRY_OVERRIDE,
                provenance(MergeFixtures.target(result, "prod", "euw1").provenance().alertRules(), "Second").get("enabled"));
        assertTrue(rule(MergeFixtures.target(result, "int", "euw1"), "Second").get("enabled").booleanValue());
    }

    static JsonNode rule(MergedTarget target, String name) {
        for (JsonNode rule : target.application().get("alertRules")) {
            if (rule.path("name").asText().equals(name)) {
                return rule;
            }
        }
        throw new AssertionError("no alert rule " + name);
    }

    static Map<String, String> provenance(List<ItemProvenance> items, String name) {
        return items.stream().filter(i -> name.equals(i.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no provenance for " + name)).fields();
    }

    private static List<String> names(MergedTarget target) {
        List<String> names = new ArrayList<>();
        target.application().get("alertRules").forEach(rule -> names.add(rule.get("name").asText()));
        return names;
    }
}
