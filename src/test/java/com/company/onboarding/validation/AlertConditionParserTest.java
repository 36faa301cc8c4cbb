package com.company.onboarding.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.validation.Condition.Reference;
import com.company.onboarding.validation.ConditionExpression.Binary;
import com.company.onboarding.validation.ConditionExpression.Call;
import com.company.onboarding.validation.ConditionExpression.DurationLiteral;
import com.company.onboarding.validation.ConditionExpression.Identifier;
import com.company.onboarding.validation.ConditionExpression.Negation;
import com.company.onboarding.validation.ConditionExpression.NumberLiteral;
import com.company.onboarding.validation.ConditionExpression.Operator;
import com.company.onboarding.validation.ConditionExpression.StringLiteral;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertConditionParserTest {

    /** The examples of docs/spec.md#alert-conditions, with the signals and functions each uses. */
    static Stream<Arguments> designDocumentConditions() {
        return Stream.of(
                Arguments.of("Anomaly(ErrorRate)", List.of("ErrorRate"), List.of("Anomaly")),
                Arguments.of("CrashDetection", List.of("CrashDetection"), List.of()),
                Arguments.of("SlowDatabaseQueries(200ms)", List.of(), List.of("SlowDatabaseQueries")),
                Arguments.of("ErrorRate > 0.0005", List.of("ErrorRate"), List.of()),
                Arguments.of("JobStatus == 'FAILED'", List.of("JobStatus"), List.of()),
                Arguments.of("ConsumerLag > 1000", List.of("ConsumerLag"), List.of()),
                Arguments.of("payment_success_rate < 95.0", List.of("payment_success_rate"), List.of()),
                Arguments.of("chargeback_count / payment_transactions_total > 0.01",
                        List.of("chargeback_count", "payment_transactions_total"), List.of()),
                Arguments.of("revenue_total < previous_day * 0.9", List.of("revenue_total", "previous_day"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"designDocumentConditions", "otherValidConditions"})
    void parsesEveryValidConditionAndListsTheNamesItUses(String text, List<String> signals, List<String> functions)
            throws Exception {
        Condition condition = AlertConditionParser.parse(text);
        assertEquals(text, condition.text());
        assertEquals(signals, List.copyOf(condition.signals()));
        assertEquals(functions, List.copyOf(condition.functions()));
    }

    /** Other conditions the grammar accepts, with what they use. */
    static Stream<Arguments> otherValidConditions() {
        return Stream.of(
                Arguments.of("ResponseTime > 200ms", List.of("ResponseTime"), List.of()),
                Arguments.of("(ErrorRate > 0.05)", List.of("ErrorRate"), List.of()),
                Arguments.of("-(a + b) * 2 >= -1.5", List.of("a", "b"), List.of()),
                Arguments.of("Anomaly(ErrorRate, 5m)", List.of("ErrorRate"), List.of("Anomaly")),
                Arguments.of("Anomaly ( Anomaly(ErrorRate) )", List.of("ErrorRate"), List.of("Anomaly")),
                Arguments.of("custom.payments.success_rate_v2 > 1", List.of("custom.payments.success_rate_v2"), List.of()),
                // '-' is always minus: a metric key holding '-' cannot be named in a condition
                Arguments.of("success-rate > 1", List.of("success", "rate"), List.of()),
                Arguments.of("ErrorRate != 0\n", List.of("ErrorRate"), List.of()),
                Arguments.of("'FAILED' == JobStatus", List.of("JobStatus"), List.of()),
                Arguments.of("a / a + a > a", List.of("a"), List.of()),
                Arguments.of("_x<=1d", List.of("_x"), List.of()),
                Arguments.of("(".repeat(AlertConditionParser.MAX_DEPTH) + "x" + ")".repeat(AlertConditionParser.MAX_DEPTH),
                        List.of("x"), List.of()));
    }

    /** One row per mistake: the condition, the column reported, a part of the message, and why. */
    static Stream<Arguments> invalidConditions() {
        return Stream.of(
                row("(ErrorRate > 5", 15, "missing ')' to close the '(' at column 1", "'(' never closed"),
                row("Anomaly(ErrorRate", 18, "missing ')' to close the '(' at column 8", "call never closed"),
                row("ErrorRate > 5)", 14, "')' closes nothing", "')' without '('"),
                row("ErrorRate >", 12, "expected an operand after '>'", "dangling comparison at the end"),
                row("ErrorRate > -", 14, "expected an operand after '-'", "dangling minus"),
                row("ErrorRate * > 1", 13, "expected an operand after '*', found '>'", "operator after operator"),
                row("ErrorRate >> 5", 12, "expected an operand after '>', found '>'", ">> is two operators"),
                row("ErrorRate =< 5", 11, "'=<' is not an operator; did you mean '<='?", "=< written for <="),
                row("ErrorRate => 5", 11, "did you mean '>='?", "=> written for >="),
                row("ErrorRate = 5", 11, "'=' alone is not an operator; write '=='", "assignment instead of comparison"),
                row("ErrorRate ! 5", 11, "'!' alone is not an operator", "! without ="),
                row("ErrorRate <> 5", 11, "'<>' is not an operator; write '!='", "SQL inequality"),
                row("JobStatus == 'FAILED", 14, "unterminated string: the quote at column 14", "string never closed"),
                row("JobStatus == \"FAILED\"", 14, "strings take single quotes: write 'FAILED'", "double-quoted string"),
                row("JobStatus == \"FAILED", 14, "strings take single quotes, as in 'FAILED'", "open double quote"),
                row("Anomaly()", 9, "Anomaly() needs at least one argument", "empty call"),
                row("Anomaly(ErrorRate,)", 19, "expected an argument after ','", "trailing comma in a call"),
                row("Anomaly(ErrorRate,", 19, "expected an argument after ','", "trailing comma at the end"),
                row("Anomaly(,ErrorRate)", 9, "expected an operand after '(', found ','", "leading comma in a call"),
                row("Anomaly(ErrorRate > 5)", 19, "an argument of Anomaly cannot be a comparison", "comparison as argument"),
                row("ErrorRate > 5,", 14, "',' separates the arguments of a call", "comma outside a call"),
                row("ErrorRate > 0.0.5", 16, "a number has at most one decimal point", "number with two dots"),
                row("ErrorRate > 5.", 14, "a decimal point needs digits after it", "number ending in a dot"),
                row("ErrorRate > .5", 13, "a number starts with a digit: write 0.5", "number starting with a dot"),
                row("ErrorRate 5", 11, "expected an operator before the number 5", "two operands without operator"),
                row("ErrorRate ResponseTime > 1", 11, "expected an operator before the name ResponseTime",
                        "two names without operator"),
                row("", 1, "the condition is empty", "empty condition"),
                row("   ", 1, "the condition is empty", "blank condition"),
                row("ErrorRate > $5", 13, "unexpected character '$'", "unknown character"),
                row("ErrorRate > 1 && ResponseTime > 2", 15, "'&&' is not supported", "logical and"),
                row("ErrorRate > 1 || CrashDetection", 15, "'||' is not supported", "logical or"),
                row("a < b < c", 7, "comparisons cannot be chained", "chained comparison"),
                row("(a < b) == c", 9, "comparisons cannot be chained", "comparison of a comparison"),
                row("(a > b) + 1", 9, "'+' works on numbers, not on a comparison", "arithmetic on a comparison"),
                row("SlowDatabaseQueries(5w)", 22, "unknown duration unit 'w' in '5w'", "duration with unknown unit"),
                row("ErrorRate > 1e3", 14, "unknown duration unit 'e3'", "exponent notation"),
                row("SlowDatabaseQueries(1.5s)", 21, "a duration is a whole number of its unit, which '1.5s' is not;"
                        + " write 1500ms", "fractional duration"),
                row("'FAILED' + 1", 10, "'+' works on numbers, not on a string", "arithmetic on a string"),
                row("JobStatus < 'FAILED'", 11, "'<' compares numbers; a string can only be compared with == or !=",
                        "ordering a string"),
                row("1000", 1, "not a number alone", "a lone number alerts on nothing"),
                row("  ErrorRate + 1", 3, "not arithmetic alone", "arithmetic without comparison"),
                row("-ErrorRate", 1, "not a negation alone", "negated signal without comparison"),
                row("()", 2, "empty parentheses", "empty parentheses"),
                row("payment. > 5", 9, "expected a name after '.' in 'payment.'", "dotted name ending in a dot"),
                row("ErrorRate > € 5", 13, "unexpected character '€'", "non-ASCII character"),
                row("'\uD83D\uDE00' == x $", 10, "unexpected character '$'", "a character outside the BMP counts once"),
                row("ErrorRate >\u00A05", 12, "unexpected character U+00A0", "no-break space is not a blank"),
                row("(".repeat(33) + "x" + ")".repeat(33), 33, "nests deeper than 32 levels", "33 parentheses"),
                row("-".repeat(33) + "1 > x", 33, "nests deeper than 32 levels", "33 signs"),
                row("A(".repeat(33) + "x" + ")".repeat(33), 66, "nests deeper than 32 levels", "33 nested calls"),
                row("(".repeat(1000), 33, "nests deeper than 32 levels", "hostile parentheses stop early"),
                row("a".repeat(1001), 1001, "1001 characters long; a condition has at most 1000", "too long"));
    }

    private static Arguments row(String text, int column, String message, String reason) {
        return Arguments.of(text, column, message, reason);
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("invalidConditions")
    void refusesMistakesAtTheirColumn(String text, int column, String message, String reason) {
        ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class, () -> AlertConditionParser.parse(text));
        assertEquals(column, e.column(), () -> reason + ": " + e.describe());
        assertTrue(e.getMessage().contains(message), () -> reason + ": " + e.describe());
        assertTrue(e.describe().startsWith("column " + column + ": "), e::describe);
    }

    @Test
    void readsPrecedenceAndColumnsIntoTheTree() throws Exception {
        ConditionExpression tree = AlertConditionParser.parse("revenue_total < previous_day * 0.9").expression();
        assertEquals(new Binary(Operator.LESS,
                new Identifier("revenue_total", 1),
                new Binary(Operator.TIMES, new Identifier("previous_day", 17), new NumberLiteral(new BigDecimal("0.9"), 32), 30),
                15), tree);
    }

    @Test
    void groupsArithmeticToTheLeftAndParenthesesFirst() throws Exception {
        Binary comparison = (Binary) AlertConditionParser.parse("a - b - c > (a - b) * -c").expression();
        Binary left = (Binary) comparison.left();
        assertEquals(Operator.MINUS, left.operator());
        assertEquals(new Binary(Operator.MINUS, new Identifier("a", 1), new Identifier("b", 5), 3), left.left());
        Binary right = (Binary) comparison.right();
        assertEquals(Operator.TIMES, right.operator());
        assertInstanceOf(Binary.class, right.left());
        assertEquals(new Negation(new Identifier("c", 24), 23), right.right());
    }

    @Test
    void keepsLiteralsAsWritten() throws Exception {
        Call call = (Call) AlertConditionParser.parse("SlowDatabaseQueries(200ms)").expression();
        DurationLiteral duration = (DurationLiteral) call.arguments().get(0);
        assertEquals(Duration.ofMillis(200), duration.toDuration());
        assertEquals(21, duration.column());
        assertEquals(Duration.ofDays(1), ((DurationLiteral) ((Binary) AlertConditionParser.parse("x > 1d").expression())
                .right()).toDuration());

        Binary failed = (Binary) AlertConditionParser.parse("JobStatus == 'FAILED'").expression();
        assertEquals(new StringLiteral("FAILED", 14), failed.right());
        assertEquals(Operator.EQUAL, failed.operator());

        Binary threshold = (Binary) AlertConditionParser.parse("payment_success_rate < 95.0").expression();
        assertEquals("95.0", ((NumberLiteral) threshold.right()).value().toPlainString());
    }

    @Test
    void listsEveryUseOfANameWithItsColumn() throws Exception {
        Condition condition = AlertConditionParser.parse("Anomaly(ErrorRate) > ErrorRate");
        assertEquals(List.of(
                new Reference("Anomaly", Reference.Kind.FUNCTION, 1),
                new Reference("ErrorRate", Reference.Kind.SIGNAL, 9),
                new Reference("ErrorRate", Reference.Kind.SIGNAL, 22)), condition.references());
    }

    @Test
    void reportsTheLeftmostMistakeWhetherTheLexerOrTheParserFindsIt() {
        ConditionSyntaxException e = assertThrows(ConditionSyntaxException.class,
                () -> AlertConditionParser.parse("ErrorRate >> $"));
        assertEquals(12, e.column());
    }
}
