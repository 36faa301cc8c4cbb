package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.RefKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/spec.md#output: the same inputs give the same bytes, whatever order the catalog's files come in. */
class DeterminismTest {

    // As the service's JSON responses are written (api.JacksonSetup).
    private static final JsonMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    @Test
    void theSameInputTwiceGivesIdenticalBytes() throws Exception {
        MergeResult first = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.3.0"));
        MergeResult second = new MergeEngine().merge(MergeFixtures.paymentProcessorAt("v1.3.0"));

        assertArrayEquals(bytes(first.yaml()), bytes(second.yaml()));
        assertArrayEquals(JSON.writeValueAsBytes(first), JSON.writeValueAsBytes(second));
    }

    @Test
    void catalogFilesListedInAnotherOrderGiveIdenticalBytes() throws Exception {
        List<CatalogFile> files = CatalogFiles.embeddedFiles("v1.3.0");
        List<CatalogFile> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        assertNotEquals(files, reversed);
        List<CatalogFile> rotated = new ArrayList<>(files);
        Collections.rotate(rotated, 3);

        MergeResult inManifestOrder = merge(files);
        for (List<CatalogFile> order : List.of(reversed, rotated)) {
            MergeResult other = merge(order);
            assertArrayEquals(bytes(inManifestOrder.yaml()), bytes(other.yaml()));
            assertArrayEquals(JSON.writeValueAsBytes(inManifestOrder), JSON.writeValueAsBytes(other));
        }
        assertEquals(6, inManifestOrder.targets().size());
    }

    @Test
    void mergingLeavesItsInputsUntouchedAndTargetsIndependent() {
        MergeInput input = MergeFixtures.paymentProcessorAt("v1.3.0");
        List<ObjectNode> rules = input.profile().dynatrace().alertRules();
        List<JsonNode> before = rules.stream().map(r -> (JsonNode) r.deepCopy()).toList();
        MergeResult result = new MergeEngine().merge(input);

        assertEquals(before, rules, "profile rules keep their channels and {SERVICE} tokens");
        assertEquals("Payments overview for payment-processor in prod (euw1)",
                MergeFixtures.target(result, "prod", "euw1").application().at("/dashboards/0/description").asText());
        assertEquals("Payments overview for payment-processor in prod (euw2)",
                MergeFixtures.target(result, "prod", "euw2").application().at("/dashboards/0/description").asText());
        assertArrayEquals(bytes(result.yaml()), bytes(new MergeEngine().merge(input).yaml()), "the same input again");
    }

    private static MergeResult merge(List<CatalogFile> files) {
        var catalog = CatalogFiles.snapshot("v1.3.0", RefKind.TAG, CatalogFiles.EMBEDDED_COMMITS.get("v1.3.0"), files);
        return MergeFixtures.merge(MergeFixtures.paymentProcessor(), MergeFixtures.embeddedProfiles().get("domain-api"),
                catalog);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
