package com.company.onboarding.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private static DocumentException refused(String json) {
        return assertThrows(DocumentException.class,
                () -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT));
    }

    @Test
    void givesTheSameTreeAsTheSameYaml() throws Exception {
        String json = "{\"name\":\"a\",\"slo\":99.0,\"n\":5,\"list\":[true,null,\"x\"]}";
        String yaml = "name: a\nslo: 99.0\nn: 5\nlist: [true, null, \"x\"]\n";
        assertEquals(YamlTrees.read(yaml, ParseLimits.DEFAULT),
                JsonTrees.read(json.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT));
    }

    @Test
    void refusesDuplicateKeysWithTheirPointer() {
        DocumentException e = refused("{\"monitoring\": {\"dynatrace\": true, \"dynatrace\": false}}");
        assertEquals(DocumentException.Kind.DUPLICATE_KEY, e.kind());
        assertEquals("/monitoring/dynatrace", e.pointer());
    }

    @Test
    void refusesDeepNesting() {
        assertEquals(DocumentException.Kind.TOO_DEEP, refused("[".repeat(20_000) + "]".repeat(20_000)).kind());
    }

    @Test
    void refusesLongNumbersAndSyntaxErrorsWithPosition() {
        assertEquals(DocumentException.Kind.TOO_LARGE, refused("{\"a\": " + "9".repeat(500) + "}").kind());
        DocumentException e = refused("{\n  \"a\": [1, 2,\n}");
        assertEquals(DocumentException.Kind.SYNTAX, e.kind());
        assertEquals(3, e.line());
        assertEquals(DocumentException.Kind.SYNTAX, refused("{\"a\": 1} trailing").kind());
        assertEquals(DocumentException.Kind.EMPTY, refused("  ").kind());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertEquals(DocumentException.Kind.ENCODING, assertThrows(DocumentException.class,
                () -> JsonTrees.read(bad, ParseLimits.DEFAULT)).kind());
    }
}
