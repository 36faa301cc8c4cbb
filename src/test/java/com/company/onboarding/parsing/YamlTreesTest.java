package com.company.onboarding.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlTreesTest {

    private static JsonNode read(String yaml) throws DocumentException {
        return YamlTrees.read(yaml, ParseLimits.DEFAULT);
    }

    private static DocumentException refused(String yaml) {
        return assertThrows(DocumentException.class, () -> read(yaml));
    }

    @Test
    void resolvesPlainScalarsByTheCoreSchemaAndKeepsDecimalsAsWritten() throws Exception {
        JsonNode tree = read("a: 99.0\nb: 500\nc: yes\nd: true\ne: ~\nf: '42'\ng: 0x1F\nh: on\ni: 1e3\n");
        assertEquals("99.0", tree.get("a").decimalValue().toPlainString());
        assertTrue(tree.get("b").isInt());
        assertEquals("yes", tree.get("c").textValue());
        assertTrue(tree.get("d").booleanValue());
        assertTrue(tree.get("e").isNull());
        assertEquals("42", tree.get("f").textValue());
        assertEquals(31, tree.get("g").intValue());
        assertEquals("on", tree.get("h").textValue());
        assertEquals(1000, tree.get("i").decimalValue().intValueExact());
    }

    @Test
    void resolvesWordsByExactSpellingOnly() throws Exception {
        // Words skip the patterns: only the core schema's nine spellings of null and the booleans resolve.
        JsonNode tree = read("a: Null\nb: NULL\nc: TRUE\nd: False\ne: nullable\nf: trueish\ng: nUll\nh: no\n"
                + "i: v1.2.0\nnull: 1\ntrue: 2\n");
        assertTrue(tree.get("a").isNull());
        assertTrue(tree.get("b").isNull());
        assertTrue(tree.get("c").isBoolean() && tree.get("c").booleanValue());
        assertTrue(tree.get("d").isBoolean() && !tree.get("d").booleanValue());
        assertEquals("nullable", tree.get("e").textValue());
        assertEquals("trueish", tree.get("f").textValue());
        assertEquals("nUll", tree.get("g").textValue());
        assertEquals("no", tree.get("h").textValue());
        assertEquals("v1.2.0", tree.get("i").textValue());
        assertEquals(1, tree.get("null").intValue()); // a null key is the key "null"
        assertEquals(2, tree.get("true").intValue());
    }

    @Test
    void keepsKeyOrder() throws Exception {
        JsonNode tree = read("z: 1\na: 2\nm: 3\n");
        assertEquals("[z, a, m]", iterable(tree));
    }

    @Test
    void refusesAnchorsAndAliases() {
        DocumentException anchor = refused("a: &x {b: 1}\nc: 2\n");
        assertEquals(DocumentException.Kind.ALIAS, anchor.kind());
        assertEquals("/a", anchor.pointer());
        assertEquals(DocumentException.Kind.ALIAS, refused("a: *x\n").kind());
    }

    @Test
    void refusesBillionLaughsBeforeExpandingAnything() {
        String laughs = "a: &a [\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
        assertEquals(DocumentException.Kind.ALIAS, refused(laughs).kind());
    }

    @Test
    void refusesExplicitTags() {
        assertEquals(DocumentException.Kind.TAG, refused("a: !!java.lang.Runtime x\n").kind());
        assertEquals(DocumentException.Kind.TAG, refused("a: !!str 5\n").kind());
        assertEquals(DocumentException.Kind.TAG, refused("a: !custom {b: 1}\n").kind());
    }

    @Test
    void refusesDuplicateKeysWithTheirPointerAndLine() {
        DocumentException e = refused("services:\n  - name: a\n    size: small\n    size: large\n");
        assertEquals(DocumentException.Kind.DUPLICATE_KEY, e.kind());
        assertEquals("/services/0/size", e.pointer());
        assertEquals(4, e.line());
    }

    @Test
    void refusesDeepNestingWithoutExhaustingTheStack() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        assertEquals(DocumentException.Kind.TOO_DEEP, refused(deep).kind());
        String block = "a:\n" + "".concat(buildBlock(100));
        assertEquals(DocumentException.Kind.TOO_DEEP, refused(block).kind());
    }

    @Test
    void reportsSyntaxErrorsWithLineAndColumn() {
        DocumentException e = refused("a: [1, 2\nb: 3\n");
        assertEquals(DocumentException.Kind.SYNTAX, e.kind());
        assertTrue(e.line() > 0 && e.column() > 0, e.describe());
    }

    @Test
    void refusesNumbersWhoseValueIsHugeThoughTheirLiteralIsShort() throws Exception {
        for (String number : new String[] {"1e999999", "-1e999999999", "1E+2147483647", "1e-999999", "1e-2147483649"}) {
            DocumentException e = refused("o:\n  slo: " + number + "\n");
            assertEquals(DocumentException.Kind.TOO_LARGE, e.kind(), number);
            assertEquals("/o/slo", e.pointer(), number);
            assertEquals(2, e.line(), number);
        }
        assertEquals(new java.math.BigDecimal("1e30"), YamlTrees.read("a: 1e30\n", ParseLimits.DEFAULT).get("a").decimalValue());
    }

    @Test
    void refusesSeveralDocumentsAndEmptyOnes() {
        assertEquals(DocumentException.Kind.MULTIPLE_DOCUMENTS, refused("a: 1\n---\nb: 2\n").kind());
        assertEquals(DocumentException.Kind.EMPTY, refused("# only a comment\n").kind());
    }

    @Test
    void refusesInvalidUtf8AndOverlongDocuments() {
        byte[] bad = {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        assertEquals(DocumentException.Kind.ENCODING,
                assertThrows(DocumentException.class, () -> YamlTrees.read(bad, ParseLimits.DEFAULT)).kind());
        ParseLimits small = new ParseLimits(10, 100, 50, 10);
        assertEquals(DocumentException.Kind.TOO_LARGE,
                assertThrows(DocumentException.class, () -> YamlTrees.read("a: " + "x".repeat(200), small)).kind());
        assertEquals(DocumentException.Kind.TOO_LARGE,
                assertThrows(DocumentException.class, () -> YamlTrees.read("a: " + "1".repeat(20), small)).kind());
    }

    @Test
    void readsUnicodeAndAByteOrderMark() throws Exception {
        byte[] bom = ("\uFEFFname: caf\u00e9 \u2615\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9 \u2615", YamlTrees.read(bom, ParseLimits.DEFAULT).get("name").textValue());
    }

    /**
     * YAML 1.1 (SnakeYAML) reads NEL, LS and PS written as they are as line breaks: NEL became a
     * space, PS emptied the value and LS was a syntax error, where YAML 1.2 and JSON read text. Now
     * each is refused with the pointer of its node (in a value or a key), in a comment with its
     * line; escaped, every reader agrees, and it is read as JSON reads it.
     */
    @Test
    void refusesTheCharactersYamlVersionsReadDifferentlyAndReadsThemEscaped() throws Exception {
        for (char c : new char[] {0x85, 0x2028, 0x2029}) {
            String raw = String.valueOf(c);
            String escaped = c == 0x85 ? "\\N" : c == 0x2028 ? "\\L" : "\\u2029";
            String name = Integer.toHexString(c);
            DocumentException plain = refused("a: 1\nrules:\n  - description: before" + raw + "after\n");
            assertEquals(DocumentException.Kind.CHARACTER, plain.kind(), name);
            assertEquals("/rules/0/description", plain.pointer(), name);
            assertEquals(3, plain.line(), name);
            assertEquals(18, plain.column(), name); // where the value starts
            assertEquals("/rules/0/description", refused("rules:\n- description: |\n    x" + raw + "y\n").pointer(), name);
            assertEquals("/rules/0/description", refused("rules:\n- description: \"x" + raw + "y\"\n").pointer(), name);
            assertEquals("/a" + raw + "b", refused("a" + raw + "b: 1\n").pointer(), name);
            DocumentException comment = refused("a: 1 # note" + raw + "\nb: 2\n");
            assertEquals(DocumentException.Kind.CHARACTER, comment.kind(), name);
            assertEquals(null, comment.pointer(), name);
            assertEquals(1, comment.line(), name);
            assertTrue(comment.getMessage().startsWith("U+"), comment.getMessage());

            JsonNode fromYaml = read("rules:\n  - {description: \"x" + escaped + "y\"}\n");
            assertEquals("x" + raw + "y", fromYaml.at("/rules/0/description").textValue(), name);
            assertEquals(fromYaml, JsonTrees.read("{\"rules\": [{\"description\": \"x" + raw + "y\"}]}", ParseLimits.DEFAULT));
        }
    }

    private static String buildBlock(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        return sb.append("  ".repeat(depth + 1)).append("v: 1\n").toString();
    }

    private static String iterable(JsonNode tree) {
        java.util.List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }
}
