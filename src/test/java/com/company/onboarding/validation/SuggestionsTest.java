package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> REGIONS = List.of("euw1", "euw2");
    private static final List<String> FIELDS = List.of(
            "name", "archetype", "profile", "size", "regions", "enabledIn", "monitoring", "cost");

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "euw3      | euw2      | one substitution; ties go to the nearest character",
            "euw0      | euw1      | the same tie the other way",
            "EUW2      | euw2      | case is ignored",
            "regoins   | regions   | two neighbours swapped cost one",
            "region    | regions   | one letter missing",
            "archetyp  | archetype | one letter missing in a longer name",
            "enabledin | enabledIn | case only",
            "enabled   | enabledIn | two letters missing",
            "prfile    | profile   | one letter missing",
            "banana    | -         | far from every name",
            "x         | -         | one character suggests nothing",
            "sz        | -         | two characters suggest nothing",
            "mon       | -         | a prefix is not a suggestion when too short",
    })
    void suggestsTheClosestNameOnlyWhenItIsClose(String written, String expected, String reason) {
        List<String> candidates = written.toLowerCase().startsWith("eu") ? REGIONS : FIELDS;
        assertEquals(Optional.ofNullable(expected), Suggestions.closest(written, candidates), reason);
    }

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({
            "kitten, sitting, 3",
            "ab, ba, 1",
            "ca, abc, 3",
            "'', abc, 3",
            "same, same, 0",
            "Same, same, 1",
    })
    void measuresOptimalStringAlignmentDistance(String a, String b, int distance) {
        assertEquals(distance, Suggestions.distance(a, b));
    }

    @ParameterizedTest(name = "length {0} allows {1}")
    @CsvSource({"1, 0", "2, 0", "3, 1", "4, 1", "5, 2", "8, 2", "9, 3", "40, 3"})
    void allowsMoreEditsForLongerNames(int length, int allowed) {
        assertEquals(allowed, Suggestions.maxDistance(length));
    }
}
