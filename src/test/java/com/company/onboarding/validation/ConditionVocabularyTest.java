package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.validation.Condition.Reference;
import com.company.onboarding.validation.ConditionVocabulary.UnknownReference;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionVocabularyTest {

    /** The merged custom metrics of the design document's payment-processor (catalog v1.3.0 and the profile). */
    private static final Set<String> PAYMENT_METRICS = Set.of(
            "http_requests_total", "http_request_duration_seconds", "http_errors_total",
            "payment_transactions_total", "payment_success_rate", "fraud_check_latency", "chargeback_count",
            "payment_amount_total", "revenue_total");

    private static List<UnknownReference> unknown(String condition, Set<String> metrics) throws Exception {
        return ConditionVocabulary.DEFAULT.unknownIn(AlertConditionParser.parse(condition), metrics);
    }

    static Stream<String> designDocumentConditions() {
        return AlertConditionParserTest.designDocumentConditions().map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designDocumentConditions")
    void everyDesignDocumentConditionUsesOnlyKnownNames(String condition) throws Exception {
        assertEquals(List.of(), unknown(condition, PAYMENT_METRICS));
    }

    @Test
    void aMetricThatIsNotMergedIsUnknownWithTheClosestMetricSuggested() throws Exception {
        List<UnknownReference> unknown = unknown("revenue_totl < previous_day * 0.9", PAYMENT_METRICS);
        assertEquals(1, unknown.size());
        UnknownReference reference = unknown.get(0);
        assertEquals(new Reference("revenue_totl", Reference.Kind.SIGNAL, 1), reference.reference());
        assertEquals("revenue_total", reference.rejection().suggestion());
        assertTrue(reference.message().startsWith("column 1: \"revenue_totl\" is neither a custom metric of this service"
                + " nor a built-in signal"), reference.message());
        assertTrue(reference.message().endsWith("; did you mean \"revenue_total\"?"), reference.message());
    }

    @Test
    void catalogMetricsAreUnknownWithoutTheCatalog() throws Exception {
        List<UnknownReference> unknown = unknown("chargeback_count / payment_transactions_total > 0.01", Set.of());
        assertEquals(List.of("chargeback_count", "payment_transactions_total"),
                unknown.stream().map(u -> u.reference().name()).toList());
    }

    @Test
    void reportsEachUnknownNameOnceAtItsFirstUseInTheOrderWritten() throws Exception {
        List<UnknownReference> unknown = unknown("zeta + alpha + zeta > Anomaly(alpha)", Set.of());
        assertEquals(List.of(new Reference("zeta", Reference.Kind.SIGNAL, 1), new Reference("alpha", Reference.Kind.SIGNAL, 8)),
                unknown.stream().map(UnknownReference::reference).toList());
    }

    @Test
    void functionsMustBeBuiltInFunctions() throws Exception {
        UnknownReference misspelt = unknown("Anomally(ErrorRate)", Set.of()).get(0);
        assertEquals(Reference.Kind.FUNCTION, misspelt.reference().kind());
        assertEquals("Anomaly", misspelt.rejection().suggestion());

        UnknownReference metricCalled = unknown("payment_success_rate(5m)", PAYMENT_METRICS).get(0);
        assertTrue(metricCalled.rejection().reason().contains("is a custom metric, not a function"),
                metricCalled.rejection().reason());

        UnknownReference signalCalled = unknown("ErrorRate(5m)", Set.of()).get(0);
        assertTrue(signalCalled.rejection().reason().contains("is a signal, not a function"), signalCalled.message());
    }

    @Test
    void aFunctionReadAsASignalSaysToCallIt() throws Exception {
        UnknownReference reference = unknown("Anomaly > 1", Set.of()).get(0);
        assertEquals("\"Anomaly\" is a function: call it, as in Anomaly(ErrorRate)", reference.rejection().reason());
    }

    @Test
    void aNameFarFromEveryKnownNameGetsNoSuggestion() throws Exception {
        UnknownReference reference = unknown("banana_split > 1", PAYMENT_METRICS).get(0);
        assertNull(reference.rejection().suggestion());
    }

    @Test
    void builtInsAreConfigurableAndMatchedExactly() throws Exception {
        ConditionVocabulary custom = new ConditionVocabulary(List.of("QueueDepth"), List.of("Baseline"));
        Condition condition = AlertConditionParser.parse("Baseline(QueueDepth) > ErrorRate");
        assertEquals(List.of("ErrorRate"),
                custom.unknownIn(condition, Set.of()).stream().map(u -> u.reference().name()).toList());
        Condition lowercase = AlertConditionParser.parse("errorrate > 1");
        UnknownReference wrongCase = ConditionVocabulary.DEFAULT.unknownIn(lowercase, Set.of()).get(0);
        assertEquals("ErrorRate", wrongCase.rejection().suggestion());
    }

    @Test
    void theDefaultsNameTheDesignDocumentsSignalsAndFunctions() {
        assertTrue(ConditionVocabulary.DEFAULT.signals().containsAll(
                List.of("ErrorRate", "ResponseTime", "CrashDetection", "JobStatus", "ConsumerLag", "previous_day")));
        assertEquals(List.of("Anomaly", "SlowDatabaseQueries"), List.copyOf(ConditionVocabulary.DEFAULT.functions()));
    }
}
