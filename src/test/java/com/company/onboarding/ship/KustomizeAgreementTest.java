package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Kustomize} renders exactly what a real kustomize renders. Runs only from
 * {@code deploy/render.sh}, which renders with {@code kubectl kustomize} (or {@code kustomize})
 * into {@code -Dkustomize.rendered=<dir>} first; the regular build has no kustomize to ask.
 */
@EnabledIfSystemProperty(named = "kustomize.rendered", matches = ".+")
class KustomizeAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example"})
    void rendersWhatKustomizeRenders(String kustomization) throws IOException, DocumentException {
        Path rendered = Path.of(System.getProperty("kustomize.rendered"), kustomization.replace('/', '-') + ".yaml");
        Map<String, JsonNode> expected = new TreeMap<>();
        for (String document : Files.readString(rendered).split("(?m)^---$")) {
            if (!document.isBlank()) {
                expected.put(id(YamlTrees.read(document, ParseLimits.DEFAULT)), YamlTrees.read(document, ParseLimits.DEFAULT));
            }
        }
        Map<String, JsonNode> actual = new TreeMap<>();
        for (JsonNode object : KustomizeRenderTest.render(kustomization)) {
            actual.put(id(object), object);
        }
        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) {
            assertEquals(expected.get(id), actual.get(id), id);
        }
    }

    private static String id(JsonNode object) {
        return String.join("/", List.of(object.path("kind").asText(), object.path("metadata").path("name").asText()));
    }
}
