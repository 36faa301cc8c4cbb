package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README's "Validation rules for metrics and alert conditions" says what the code does. */
class ValidationRulesReadmeTest {

    /** The README's tables are the documentation users read: they must say what the code does. */
    @Test
    void readmeDocumentsEveryUnitAggregationTypeAndBuiltIn() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Validation rules for metrics and alert conditions");
        assertTrue(section >= 0, "README section missing");
        int next = readme.indexOf("\n## ", section + 1);
        String rules = readme.substring(section, next < 0 ? readme.length() : next);
        for (Map.Entry<String, String> unit : MetricUnits.table().entrySet()) {
            // a Dynatrace name is documented once, as the right-hand side, and is accepted as itself
            assertEquals(unit.getValue(), MetricUnits.table().get(unit.getValue()), "accepted as written");
            String row = unit.getKey().equals(unit.getValue())
                    ? " | `" + unit.getValue() + "` |"
                    : "| `" + unit.getKey() + "` | `" + unit.getValue() + "` |";
            assertTrue(rules.contains(row), () -> "README does not document " + unit.getKey() + " -> " + unit.getValue());
        }
        MetricAggregations.ACCEPTED.forEach(aggregation ->
                assertTrue(rules.contains("| `" + aggregation + "` |"), "README misses aggregation " + aggregation));
        MetricType.ACCEPTED.forEach(type -> assertTrue(rules.contains("`" + type + "`"), "README misses type " + type));
        ConditionVocabulary.DEFAULT_SIGNALS.forEach(signal ->
                assertTrue(rules.contains("`" + signal + "`"), "README misses signal " + signal));
        ConditionVocabulary.DEFAULT_FUNCTIONS.forEach(function ->
                assertTrue(rules.contains("`" + function + "`"), "README misses function " + function));
    }
}
