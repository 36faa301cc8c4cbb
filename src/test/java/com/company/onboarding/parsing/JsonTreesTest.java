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
        DocumentException trailing = refused("{\"a\": 1} {\"b\": 2}");
        assertEquals(DocumentException.Kind.SYNTAX, trailing.kind());
        assertEquals("unexpected content after the JSON value", trailing.getMessage());
        assertEquals(10, trailing.column());
        assertEquals("Non-standard token 'NaN'", refused("{\"a\": NaN}").getMessage());
        assertEquals(DocumentException.Kind.EMPTY, refused("  ").kind());
    }

    @Test
    void refusesNumbersWhoseValueIsHugeThoughTheirLiteralIsShort() throws Exception {
        for (String number : new String[] {"1e999999", "-1e999999999", "1E+2147483647", "1e-999999"}) {
            DocumentException e = refused("{\"o\": {\"slo\": [" + number + "]}}");
            assertEquals(DocumentException.Kind.TOO_LARGE, e.kind(), number);
            assertEquals("/o/slo/0", e.pointer(), number);
        }
        // An exponent BigDecimal itself cannot hold: refused too, without a position.
        assertEquals(DocumentException.Kind.TOO_LARGE, refused("{\"a\": 1e-2147483649}").kind());
        // Exponents that stay within the limit are numbers like any other.
        assertEquals(new java.math.BigDecimal("1e30"), JsonTrees.read("{\"a\": 1e30}".getBytes(StandardCharsets.UTF_8),
                ParseLimits.DEFAULT).get("a").decimalValue());
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertEquals(DocumentException.Kind.ENCODING, assertThrows(DocumentException.class,
                () -> JsonTrees.read(bad, ParseLimits.DEFAULT)).kind());
    }
}
