package com.company.onboarding.servicesyaml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.testing.Insertion;
import com.company.onboarding.testing.SampleEntries;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The design document's entry appended to every {@code services.yaml} variant under
 * {@code src/test/resources/fixtures/services-yaml/}: the result equals the golden file in
 * {@code expected/} byte for byte, is a pure insertion (or, for a flow or null {@code services},
 * changes only that value), and parses back to the old services plus the entry.
 *
 * <p>After a deliberate change of the output, regenerate the golden files and review their diff:
 * {@code ./mvnw -B test -Dtest=ServicesYamlEditorTest -Dgolden.update=true}.
 */
class ServicesYamlEditorTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/services-yaml");
    private static final Path EXPECTED = FIXTURES.resolve("expected");

    private final ServicesYamlEditor editor = new ServicesYamlEditor();

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> names = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml")).sorted().toList();
            assertTrue(names.size() >= 20, "at least twenty services.yaml variants");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void appendsTheEntryAndChangesNothingElse(String fixture) throws Exception {
        byte[] bytes = Files.readAllBytes(FIXTURES.resolve(fixture));
        ServicesEdit edit = editor.append(bytes, SampleEntries.paymentProcessor());
        Path golden = EXPECTED.resolve(fixture);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(EXPECTED);
            Files.write(golden, edit.bytes());
        }
        assertEquals(Files.readString(golden, UTF_8), edit.text());
        assertArrayEquals(Files.readAllBytes(golden), edit.bytes());

        String original = new String(bytes, UTF_8);
        String result = new String(edit.bytes(), UTF_8);
        if (edit.kind() == ServicesEdit.Kind.REWRITTEN) {
            assertOnlyTheServicesValueRewritten(original, result);
        } else {
            Insertion insertion = Insertion.between(original, result);
            assertTrue(insertion.atLineStart(), "inserted at a line boundary");
        }
        assertParsesAsOldServicesPlusEntry(original, result);
        assertLineEndingsKept(original, result);
        assertEquals(original.isEmpty() || original.endsWith("\n"), result.endsWith("\n"), "final newline kept");
        String itemLine = result.split("\n", -1)[edit.line() - 1];
        assertTrue(itemLine.strip().matches("-\\s+name: payment-processor"), "line " + edit.line() + " is " + itemLine);
    }

    /** Every line before the services key and after its old value is unchanged, in place. */
    private static void assertOnlyTheServicesValueRewritten(String original, String result) {
        List<String> lines = Arrays.asList(original.split("\n", -1));
        int key = 0;
        while (!lines.get(key).contains("services:")) {
            key++;
        }
        int valueEnd = key;
        while (!lines.get(valueEnd).contains("]") && !lines.get(valueEnd).contains("~")) {
            valueEnd++;
        }
        String before = String.join("\n", lines.subList(0, key));
        String after = String.join("\n", lines.subList(valueEnd + 1, lines.size()));
        assertTrue(result.startsWith(before), "lines before services kept");
        assertTrue(result.endsWith("\n" + after), "lines after the services value kept");
    }

    static void assertParsesAsOldServicesPlusEntry(String original, String result) throws DocumentException {
        JsonNode before = parseOrNull(original);
        JsonNode after = YamlTrees.read(strip(result), ParseLimits.DEFAULT);
        List<String> keys = new ArrayList<>();
        if (before != null && before.isObject()) {
            before.fieldNames().forEachRemaining(keys::add);
        }
        if (!keys.contains("services")) {
            keys.add("services");
        }
        List<String> afterKeys = new ArrayList<>();
        after.fieldNames().forEachRemaining(afterKeys::add);
        assertEquals(keys, afterKeys, "top-level keys, in order");
        for (String key : keys) {
            if (!key.equals("services")) {
                assertEquals(before.get(key), after.get(key), key + " unchanged");
            }
        }
        JsonNode old = before == null ? null : before.get("services");
        int oldSize = old != null && old.isArray() ? old.size() : 0;
        JsonNode services = after.get("services");
        assertEquals(oldSize + 1, services.size());
        for (int i = 0; i < oldSize; i++) {
            assertEquals(old.get(i).toString(), services.get(i).toString(), "service " + i + " unchanged");
        }
        assertEquals(SampleEntries.paymentProcessorAsWritten().toString(), services.get(oldSize).toString());
    }

    private static JsonNode parseOrNull(String text) throws DocumentException {
        try {
            return YamlTrees.read(strip(text), ParseLimits.DEFAULT);
        } catch (DocumentException e) {
            if (e.kind() == DocumentException.Kind.EMPTY) {
                return null;
            }
            throw e;
        }
    }

    private static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static void assertLineEndingsKept(String original, String result) {
        if (original.contains("\r\n")) {
            assertFalse(result.replace("\r\n", "").contains("\n"), "only CRLF line endings");
        } else {
            assertFalse(result.contains("\r"), "only LF line endings");
        }
    }
}
