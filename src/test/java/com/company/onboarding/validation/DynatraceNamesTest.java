package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.validation.DynatraceNames.DimensionProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynatraceNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "payment_transactions_total", "http_request_duration_seconds", "abc", "custom.payments.count",
            "Payment-Rate", "_private", "a.b", "a1.b2.c_3", "x._y", "web.request-count"})
    void acceptsMetricKeysByDynatracesRules(String key) {
        assertEquals(Optional.empty(), DynatraceNames.checkMetricKey(key));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "''                  | the metric key is empty                                  | empty",
            "ab                  | is 2 characters long; a metric key has at least 3         | too short",
            "1payments           | starts with a digit; each section starts with a letter  | leading digit",
            "-payments           | starts with '-'                                          | leading hyphen",
            "custom.9lives       | section \"9lives\" of metric key \"custom.9lives\" starts with a digit | section with a leading digit",
            "custom.-x           | section \"-x\" of metric key                              | section with a leading hyphen",
            ".payments           | starts with '.'                                          | leading dot",
            "payments.           | ends with '.'                                            | trailing dot",
            "pay..ments          | contains '..'                                            | empty section",
            "pay$ments           | contains '$' at position 4; a metric key holds only letters | dollar sign",
            "payment rate        | contains a space at position 8                           | space",
            "paiement_réussi     | contains 'é' at position 11                              | non-latin letter",
            "payment:rate        | contains ':' at position 8                               | colon is for dimension keys",
    })
    void refusesMetricKeysSayingWhatIsWrong(String key, String reason, String why) {
        Optional<Rejection> rejection = DynatraceNames.checkMetricKey(key);
        assertTrue(rejection.isPresent(), why);
        assertTrue(rejection.get().reason().contains(reason), () -> why + ": " + rejection.get().reason());
    }

    @Test
    void boundsMetricKeysAt250Characters() {
        assertEquals(Optional.empty(), DynatraceNames.checkMetricKey("m".repeat(250)));
        Rejection tooLong = DynatraceNames.checkMetricKey("m".repeat(251)).orElseThrow();
        assertTrue(tooLong.reason().contains("is 251 characters long; a metric key has at most 250"), tooLong.reason());
        assertTrue(tooLong.reason().length() < 200, "a hostile key is shortened in the message");
    }

    @Test
    void suggestsAMetricKeyWithUnderscoresForRefusedCharacters() {
        assertEquals("payment_rate", DynatraceNames.checkMetricKey("payment rate").orElseThrow().suggestion());
        assertEquals(null, DynatraceNames.checkMetricKey("1payments").orElseThrow().suggestion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "payment_method", "environment", "k8s.namespace", "dt:entity-id", "a"})
    void acceptsDimensionKeysByDynatracesRules(String key) {
        assertEquals(Optional.empty(), DynatraceNames.checkDimensionKey(key));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "''              | the dimension key is empty                         | -              | empty",
            "paymentMethod   | contains the uppercase letter 'M'; dimension keys are lowercase | paymentmethod | uppercase",
            "payment method  | contains a space at position 8                    | payment_method | space",
            "1st_attempt     | starts with '1'; a dimension key starts with a lowercase letter | - | leading digit",
            "_status         | starts with '_'                                    | -              | leading underscore",
            "status/code     | contains '/' at position 7                         | status_code    | slash",
    })
    void refusesDimensionKeysSayingWhatIsWrong(String key, String reason, String suggestion, String why) {
        Rejection rejection = DynatraceNames.checkDimensionKey(key).orElseThrow();
        assertTrue(rejection.reason().contains(reason), () -> why + ": " + rejection.reason());
        assertEquals(suggestion, rejection.suggestion(), why);
    }

    @Test
    void boundsDimensionKeysAt100Characters() {
        assertEquals(Optional.empty(), DynatraceNames.checkDimensionKey("d".repeat(100)));
        assertTrue(DynatraceNames.checkDimensionKey("d".repeat(101)).orElseThrow().reason()
                .contains("is 101 characters long; a dimension key has at most 100"));
    }

    @Test
    void checksAWholeDimensionListByIndex() {
        List<DimensionProblem> problems = DynatraceNames.checkDimensions(List.of("status", "Reason", "status", "env"));
        assertEquals(List.of(1, 2), problems.stream().map(DimensionProblem::index).toList());
        assertTrue(problems.get(0).rejection().reason().contains("uppercase"));
        assertEquals("dimension key \"status\" is listed twice (first at index 0)", problems.get(1).rejection().reason());
        assertEquals(List.of(), DynatraceNames.checkDimensions(List.of("status", "payment_method", "environment")));
    }

    @Test
    void allowsFiftyDimensionsAndReportsTheFirstBeyond() {
        List<String> fifty = new ArrayList<>(IntStream.range(0, 50).mapToObj(i -> "d" + i).toList());
        assertEquals(List.of(), DynatraceNames.checkDimensions(fifty));
        fifty.add("d50");
        fifty.add("d51");
        List<DimensionProblem> problems = DynatraceNames.checkDimensions(fifty);
        assertEquals(1, problems.size());
        assertEquals(50, problems.get(0).index());
        assertEquals("a metric has at most 50 dimensions; this list has 52", problems.get(0).rejection().reason());
    }
}
