package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Units, aggregations and types of a custom metric: the documented tables, accepting and refusing. */
class MetricVocabularyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "count, Count", "seconds, Second", "percent, Percent", "milliseconds, MilliSecond",
            "currency, Unspecified", "bytes, Byte", "per_second, PerSecond",
            "Count, Count", "MilliSecond, MilliSecond", "Unspecified, Unspecified", "PerSecond, PerSecond"})
    void mapsEachAcceptedUnitToDynatracesName(String spelling, String dynatrace) {
        assertEquals(Optional.empty(), MetricUnits.check(spelling));
        assertEquals(Optional.of(dynatrace), MetricUnits.dynatraceUnit(spelling));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "secs         | -            | abbreviation",
            "second       | Second       | singular: Dynatrace's name differs only in case",
            "secondz      | seconds      | one letter wrong",
            "Seconds      | seconds      | wrong case",
            "COUNT        | Count        | shouting: the candidate closest with case wins",
            "euro         | -            | a currency is not a unit",
            "''           | -            | empty",
    })
    void refusesOtherUnitsListingTheAcceptedOnes(String unit, String suggestion, String why) {
        Rejection rejection = MetricUnits.check(unit).orElseThrow();
        assertTrue(rejection.reason().contains("known: count, percent, ratio,"), rejection.reason());
        assertEquals(suggestion, rejection.suggestion(), why);
        assertEquals(Optional.empty(), MetricUnits.dynatraceUnit(unit));
    }

    @Test
    void namesTheUnknownUnitInTheMessage() {
        assertTrue(MetricUnits.check("Seconds").orElseThrow().message()
                .matches("\"Seconds\" is not a known unit; known: count, .*; did you mean \"seconds\"\\?"));
        assertTrue(MetricUnits.check(null).orElseThrow().reason().startsWith("no unit given; known: count"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "count", "avg", "min", "max", "p50", "p90", "p95", "p99", "value"})
    void acceptsTheDocumentedAggregations(String aggregation) {
        assertEquals(Optional.empty(), MetricAggregations.check(aggregation));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {"average, -", "p999, p99", "Sum, sum", "median, -", "p75, p95"})
    void refusesOtherAggregations(String aggregation, String suggestion) {
        Rejection rejection = MetricAggregations.check(aggregation).orElseThrow();
        assertTrue(rejection.reason().endsWith("known: sum, count, avg, min, max, p50, p90, p95, p99, value"),
                rejection.reason());
        assertEquals(suggestion, rejection.suggestion());
    }

    @Test
    void acceptsTheThreeTypesInLowercase() {
        assertEquals(Optional.of(MetricType.COUNTER), MetricType.of("counter"));
        assertEquals(Optional.of(MetricType.GAUGE), MetricType.of("gauge"));
        assertEquals(Optional.of(MetricType.HISTOGRAM), MetricType.of("histogram"));
        assertEquals(Optional.empty(), MetricType.of("Counter"));
        Rejection summary = MetricType.check("summary").orElseThrow();
        assertEquals("\"summary\" is not a known metric type; known: counter, gauge, histogram", summary.reason());
        assertEquals("counter", MetricType.check("Counter").orElseThrow().suggestion());
    }
}
