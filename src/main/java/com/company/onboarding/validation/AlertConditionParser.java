package com.company.onboarding.validation;

import com.company.onboarding.validation.Condition.Reference;
import com.company.onboarding.validation.ConditionExpression.Binary;
import com.company.onboarding.validation.ConditionExpression.Call;
import com.company.onboarding.validation.ConditionExpression.DurationLiteral;
import com.company.onboarding.validation.ConditionExpression.Identifier;
import com.company.onboarding.validation.ConditionExpression.Negation;
import com.company.onboarding.validation.ConditionExpression.NumberLiteral;
import com.company.onboarding.validation.ConditionExpression.Operator;
import com.company.onboarding.validation.ConditionExpression.StringLiteral;
import com.company.onboarding.validation.ConditionLexer.Kind;
import com.company.onboarding.validation.ConditionLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an alert condition (docs/spec.md#alert-conditions) by recursive descent over {@link ConditionLexer}'s
 * tokens. The grammar (docs/spec.md#alert-conditions):
 *
 * <pre>
 * condition  = comparison ;                    (a comparison, a signal or a call at the top)
 * comparison = sum [ ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") sum ] ;
 * sum        = product { ("+" | "-") product } ;
 * product    = unary { ("*" | "/") unary } ;
 * unary      = "-" unary | primary ;
 * primary    = number | duration | string | name [ "(" argument { "," argument } ")" ] | "(" comparison ")" ;
 * argument   = sum ;
 * </pre>
 *
 * <p>Beyond the grammar: one comparison per condition ({@code a < b < c} is refused rather than
 * read as {@code (a < b) < c}, which no one means); a comparison is no operand of arithmetic or
 * of a call; strings only take part in {@code ==} and {@code !=} or are call arguments; the whole
 * condition is a comparison, a name or a call ({@code 5} or {@code ErrorRate + 1} alone alerts on
 * nothing). Input is bounded ({@link #MAX_LENGTH} characters, {@link #MAX_DEPTH} levels of
 * parentheses, calls and unary minus), so hostile input cannot exhaust the stack.
 *
 * <p>Stateless and thread-safe: each call parses with its own state.
 */
public final class AlertConditionParser {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_DEPTH = 32;

    private final ConditionLexer lexer;
    private final List<Reference> references = new ArrayList<>();
    private Token previous;
    private Token current;
    private int depth;

    private AlertConditionParser(String text) throws ConditionSyntaxException {
        this.lexer = new ConditionLexer(text);
        this.current = lexer.next();
    }

    /** The parsed condition, or the first syntax error with its column. */
    public static Condition parse(String text) throws ConditionSyntaxException {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException(1, "the condition is empty; write a comparison (ErrorRate > 0.05),"
                    + " a signal (CrashDetection) or a call (Anomaly(ErrorRate))");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ConditionSyntaxException(MAX_LENGTH + 1, "the condition is " + text.length()
                    + " characters long; a condition has at most " + MAX_LENGTH);
        }
        AlertConditionParser parser = new AlertConditionParser(text);
        ConditionExpression expression = parser.condition();
        return new Condition(text, expression, parser.references);
    }

    private ConditionExpression condition() throws ConditionSyntaxException {
        Token first = peek();
        ConditionExpression expression = comparison();
        Token after = peek();
        if (after.kind() != Kind.END) {
            throw unexpectedAfterExpression(after, null);
        }
        if (!(expression.isComparison() || expression instanceof Identifier || expression instanceof Call)) {
            throw new ConditionSyntaxException(first.column(), "a condition is a comparison (ErrorRate > 0.05),"
                    + " a signal (CrashDetection) or a call (Anomaly(ErrorRate)), not " + what(expression) + " alone");
        }
        return expression;
    }

    private ConditionExpression comparison() throws ConditionSyntaxException {
        ConditionExpression left = sum();
        Operator operator = comparisonOperator(peek().kind());
        if (operator == null) {
            return left;
        }
        Token token = take();
        ConditionExpression right = sum();
        if (left.isComparison() || right.isComparison()) {
            throw chained(token);
        }
        if (!operator.isEquality() && (left instanceof StringLiteral || right instanceof StringLiteral)) {
            throw new ConditionSyntaxException(token.column(), "'" + token.text() + "' compares numbers;"
                    + " a string can only be compared with == or !=");
        }
        if (comparisonOperator(peek().kind()) != null) {
            throw chained(peek());
        }
        return new Binary(operator, left, right, token.column());
    }

    private ConditionExpression sum() throws ConditionSyntaxException {
        return leftAssociative(this::product, Kind.PLUS, Kind.MINUS);
    }

    private ConditionExpression product() throws ConditionSyntaxException {
        return leftAssociative(this::unary, Kind.TIMES, Kind.DIVIDED_BY);
    }

    /** One precedence level of arithmetic: operands joined by its two operators, grouped from the left. */
    private ConditionExpression leftAssociative(Level operand, Kind one, Kind other) throws ConditionSyntaxException {
        ConditionExpression left = operand.parse();
        while (peek().kind() == one || peek().kind() == other) {
            Token token = take();
            left = arithmetic(token, left, operand.parse());
        }
        return left;
    }

    /** The next-tighter level of the grammar. */
    @FunctionalInterface
    private interface Level {
        ConditionExpression parse() throws ConditionSyntaxException;
    }

    private ConditionExpression unary() throws ConditionSyntaxException {
        if (peek().kind() != Kind.MINUS) {
            return primary();
        }
        Token minus = take();
        enter(minus);
        ConditionExpression operand = unary();
        depth--;
        requireNumeric(minus, operand);
        return new Negation(operand, minus.column());
    }

    private ConditionExpression primary() throws ConditionSyntaxException {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER:
                take();
                return new NumberLiteral((BigDecimal) token.value(), token.column());
            case DURATION:
                take();
                return (DurationLiteral) token.value();
            case STRING:
                take();
                return new StringLiteral((String) token.value(), token.column());
            case NAME:
                take();
                if (peek().kind() == Kind.LEFT_PAREN) {
                    return call(token);
                }
                references.add(new Reference(token.text(), Reference.Kind.SIGNAL, token.column()));
                return new Identifier(token.text(), token.column());
            case LEFT_PAREN:
                take();
                enter(token);
                if (peek().kind() == Kind.RIGHT_PAREN) {
                    throw new ConditionSyntaxException(peek().column(), "empty parentheses: expected an operand after '('");
                }
                ConditionExpression inner = comparison();
                depth--;
                if (peek().kind() != Kind.RIGHT_PAREN) {
                    throw unexpectedAfterExpression(peek(), token);
                }
                take();
                return inner;
            default:
                throw expectedOperand(token);
        }
    }

    private ConditionExpression call(Token name) throws ConditionSyntaxException {
        references.add(new Reference(name.text(), Reference.Kind.FUNCTION, name.column()));
        Token open = take();
        enter(open);
        if (peek().kind() == Kind.RIGHT_PAREN) {
            throw new ConditionSyntaxException(peek().column(), name.text() + "() needs at least one argument, as in "
                    + name.text() + "(ErrorRate)");
        }
        List<ConditionExpression> arguments = new ArrayList<>();
        while (true) {
            ConditionExpression argument = comparison();
            if (argument.isComparison()) {
                throw new ConditionSyntaxException(argument.column(), "an argument of " + name.text()
                        + " cannot be a comparison");
            }
            arguments.add(argument);
            Token after = peek();
            if (after.kind() == Kind.RIGHT_PAREN) {
                take();
                depth--;
                return new Call(name.text(), arguments, name.column());
            }
            if (after.kind() != Kind.COMMA) {
                throw unexpectedAfterExpression(after, open);
            }
            take();
            if (peek().kind() == Kind.RIGHT_PAREN || peek().kind() == Kind.END || peek().kind() == Kind.COMMA) {
                throw new ConditionSyntaxException(peek().column(), "expected an argument after ','");
            }
        }
    }

    private Binary arithmetic(Token token, ConditionExpression left, ConditionExpression right)
            throws ConditionSyntaxException {
        requireNumeric(token, left);
        requireNumeric(token, right);
        Operator operator = switch (token.kind()) {
            case PLUS -> Operator.PLUS;
            case MINUS -> Operator.MINUS;
            case TIMES -> Operator.TIMES;
            default -> Operator.DIVIDED_BY;
        };
        return new Binary(operator, left, right, token.column());
    }

    /** Arithmetic and negation work on numbers: neither a string nor a comparison's yes/no. */
    private static void requireNumeric(Token operator, ConditionExpression operand) throws ConditionSyntaxException {
        if (operand instanceof StringLiteral || operand.isComparison()) {
            throw new ConditionSyntaxException(operator.column(), "'" + operator.text() + "' works on numbers, not on "
                    + what(operand));
        }
    }

    /**
     * What follows a complete expression but cannot: {@code open} is the '(' still waiting for its
     * ')' (of a group or a call), or null at the top level.
     */
    private static ConditionSyntaxException unexpectedAfterExpression(Token token, Token open) {
        if (comparisonOperator(token.kind()) != null) {
            return chained(token);
        }
        if (token.kind() == Kind.END && open != null) {
            return new ConditionSyntaxException(token.column(), "missing ')' to close the '(' at column " + open.column());
        }
        if (token.kind() == Kind.RIGHT_PAREN) {
            return new ConditionSyntaxException(token.column(), "')' closes nothing: no '(' is open here");
        }
        if (token.startsOperand()) {
            return new ConditionSyntaxException(token.column(), "expected an operator before " + token.describe()
                    + "; two operands cannot stand side by side");
        }
        if (token.kind() == Kind.COMMA) {
            return new ConditionSyntaxException(token.column(), "',' separates the arguments of a call and"
                    + " stands nowhere else");
        }
        String expected = open == null ? "the end of the condition" : "',' or ')'";
        return new ConditionSyntaxException(token.column(), "expected " + expected + ", found " + token.describe());
    }

    private ConditionSyntaxException expectedOperand(Token found) {
        String after = previous == null ? "" : " after " + previous.describe();
        String but = found.kind() == Kind.END ? "" : ", found " + found.describe();
        return new ConditionSyntaxException(found.column(), "expected an operand" + after + but);
    }

    private static ConditionSyntaxException chained(Token operator) {
        return new ConditionSyntaxException(operator.column(), "comparisons cannot be chained: a condition holds one"
                + " comparison, so '" + operator.text() + "' cannot compare the result of another");
    }

    private void enter(Token token) throws ConditionSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ConditionSyntaxException(token.column(), "the condition nests deeper than " + MAX_DEPTH
                    + " levels of parentheses, calls and signs");
        }
    }

    private static Operator comparisonOperator(Kind kind) {
        return switch (kind) {
            case LESS -> Operator.LESS;
            case LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
            case EQUAL -> Operator.EQUAL;
            case NOT_EQUAL -> Operator.NOT_EQUAL;
            default -> null;
        };
    }

    private static String what(ConditionExpression expression) {
        if (expression instanceof NumberLiteral) {
            return "a number";
        }
        if (expression instanceof DurationLiteral) {
            return "a duration";
        }
        if (expression instanceof StringLiteral) {
            return "a string";
        }
        if (expression instanceof Negation) {
            return "a negation";
        }
        return expression.isComparison() ? "a comparison" : "arithmetic";
    }

    private Token peek() {
        return current;
    }

    private Token take() throws ConditionSyntaxException {
        previous = current;
        current = lexer.next();
        return previous;
    }
}
