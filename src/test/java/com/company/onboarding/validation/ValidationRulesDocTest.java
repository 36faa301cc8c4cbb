package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "Validation" section of docs/spec.md says what the code does. */
class ValidationRulesDocTest {

    /** The specification's tables are the documentation users read: they must say what the code does. */
    @Test
    void specDocumentsEveryUnitAggregationTypeAndBuiltIn() throws IOException {
        String spec = Files.readString(Path.of("docs/spec.md"));
        int section = spec.indexOf("\n## Validation\n");
        assertTrue(section >= 0, "docs/spec.md has no section Validation");
        int next = spec.indexOf("\n## ", section + 1);
        String rules = spec.substring(section, next < 0 ? spec.length() : next);
        for (Map.Entry<String, String> unit : MetricUnits.table().entrySet()) {
            // a Dynatrace name is documented once, as the right-hand side, and is accepted as itself
            assertEquals(unit.getValue(), MetricUnits.table().get(unit.getValue()), "accepted as written");
            String row = unit.getKey().equals(unit.getValue())
                    ? " | `" + unit.getValue() + "` |"
                    : "| `" + unit.getKey() + "` | `" + unit.getValue() + "` |";
            assertTrue(rules.contains(row), () -> "docs/spec.md does not document " + unit.getKey() + " -> " + unit.getValue());
        }
        MetricAggregations.ACCEPTED.forEach(aggregation ->
                assertTrue(rules.contains("| `" + aggregation + "` |"), "docs/spec.md misses aggregation " + aggregation));
        MetricType.ACCEPTED.forEach(type -> assertTrue(rules.contains("`" + type + "`"), "docs/spec.md misses type " + type));
        ConditionVocabulary.DEFAULT_SIGNALS.forEach(signal ->
                assertTrue(rules.contains("`" + signal + "`"), "docs/spec.md misses signal " + signal));
        ConditionVocabulary.DEFAULT_FUNCTIONS.forEach(function ->
                assertTrue(rules.contains("`" + function + "`"), "docs/spec.md misses function " + function));
    }
}
