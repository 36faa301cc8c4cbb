package com.company.onboarding.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one rule of both YAML writers for when a string may stay plain, where they meet: the
 * ConfigMap has always quoted the boolean and null words in any case, so the editor does too.
 * The editor's own round trips through both readers are in EntryRendererTest.
 */
class YamlScalarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"yEs", "nO", "oN", "oFF", "tRUE", "fAlSe", "nuLL", "NuLl"})
    void theBooleanAndNullWordsAreQuotedInAnyCase(String word) {
        assertEquals("\"" + word + "\"", YamlScalars.string(word, false));
        assertEquals("\"" + word + "\"", YamlScalars.string(word, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment-processor", "yesterday", "nothing", "online", "nullable", "truest", "offset",
            "onboarding.company.com/catalog-ref", "v1.2.0", "euw1", "Y2K", "n1"})
    void namesThatOnlyStartLikeThoseWordsStayPlain(String name) {
        assertEquals(name, YamlScalars.string(name, false));
    }
}
