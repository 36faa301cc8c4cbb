package com.company.onboarding.validation;

import com.company.onboarding.validation.ConditionExpression.DurationLiteral;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Splits an alert condition into tokens, each with its 1-based column (counted in characters,
 * a character outside the BMP counting once). Refuses what cannot start any token with a message
 * that says what to write instead ({@code =} alone, {@code &&}, double quotes).
 */
final class ConditionLexer {

    enum Kind {
        NUMBER, DURATION, STRING, NAME,
        LEFT_PAREN, RIGHT_PAREN, COMMA,
        PLUS, MINUS, TIMES, DIVIDED_BY,
        LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, EQUAL, NOT_EQUAL,
        END
    }

    /** A token: its kind, the text it covers, its column, and for literals the value read. */
    record Token(Kind kind, String text, int column, Object value) {

        boolean startsOperand() {
            return switch (kind) {
                case NUMBER, DURATION, STRING, NAME, LEFT_PAREN, MINUS -> true;
                default -> false;
            };
        }

        /** How a message names this token: {@code '>'}, {@code the number 5}, {@code the end of the condition}. */
        String describe() {
            return switch (kind) {
                case NUMBER -> "the number " + text;
                case DURATION -> "the duration " + text;
                case STRING -> "the string " + abbreviated(text);
                case NAME -> "the name " + abbreviated(text);
                case END -> "the end of the condition";
                default -> "'" + text + "'";
            };
        }

        private static String abbreviated(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    /** Digits a duration amount may have: up to 999 999 999 999 of any unit fits a {@link java.time.Duration}. */
    private static final int MAX_DURATION_DIGITS = 12;

    private final String text;
    private int index;
    private int column = 1;

    ConditionLexer(String text) {
        this.text = text;
    }

    /**
     * The next token, {@link Kind#END} once the text is used up. Tokens are read on demand, so the
     * first error reported is the leftmost, whether the lexer or the parser finds it.
     */
    Token next() throws ConditionSyntaxException {
        skipBlanks();
        if (index >= text.length()) {
            return new Token(Kind.END, "", column, null);
        }
        return token();
    }

    private void skipBlanks() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            advance();
        }
    }

    private Token token() throws ConditionSyntaxException {
        char c = text.charAt(index);
        if (isDigit(c)) {
            return number();
        }
        if (isNameStart(c)) {
            return name();
        }
        int start = column;
        switch (c) {
            case '\'':
                return string();
            case '(':
                return single(Kind.LEFT_PAREN);
            case ')':
                return single(Kind.RIGHT_PAREN);
            case ',':
                return single(Kind.COMMA);
            case '+':
                return single(Kind.PLUS);
            case '-':
                return single(Kind.MINUS);
            case '*':
                return single(Kind.TIMES);
            case '/':
                return single(Kind.DIVIDED_BY);
            case '<':
                if (peek(1) == '>') {
                    throw new ConditionSyntaxException(start, "'<>' is not an operator; write '!=' to compare for inequality");
                }
                return peek(1) == '=' ? pair(Kind.LESS_OR_EQUAL) : single(Kind.LESS);
            case '>':
                return peek(1) == '=' ? pair(Kind.GREATER_OR_EQUAL) : single(Kind.GREATER);
            case '=':
                if (peek(1) == '=') {
                    return pair(Kind.EQUAL);
                }
                if (peek(1) == '<' || peek(1) == '>') {
                    throw new ConditionSyntaxException(start, "'=" + peek(1) + "' is not an operator; did you mean '"
                            + peek(1) + "='?");
                }
                throw new ConditionSyntaxException(start, "'=' alone is not an operator; write '==' to compare");
            case '!':
                if (peek(1) == '=') {
                    return pair(Kind.NOT_EQUAL);
                }
                throw new ConditionSyntaxException(start, "'!' alone is not an operator; write '!=' to compare for inequality");
            case '&', '|':
                if (peek(1) == c) {
                    throw new ConditionSyntaxException(start, "'" + c + c + "' is not supported: a condition is a single"
                            + " comparison; write one alert rule per condition");
                }
                throw new ConditionSyntaxException(start, "unexpected character '" + c + "'");
            case '"':
                int close = text.indexOf('"', index + 1);
                String inner = close < 0 ? "" : text.substring(index + 1, close);
                throw new ConditionSyntaxException(start, "strings take single quotes"
                        + (close < 0 || inner.indexOf('\'') >= 0 ? ", as in 'FAILED'" : ": write '" + inner + "'"));
            case '.':
                throw new ConditionSyntaxException(start, isDigit(peek(1))
                        ? "a number starts with a digit: write 0" + text.substring(index, numberEnd(index + 1))
                        : "unexpected character '.'");
            default:
                throw new ConditionSyntaxException(start, "unexpected character " + describe(text.codePointAt(index)));
        }
    }

    private Token number() throws ConditionSyntaxException {
        int startIndex = index;
        int start = column;
        skipDigits();
        boolean decimal = false;
        if (current() == '.') {
            if (!isDigit(peek(1))) {
                throw new ConditionSyntaxException(column, "a decimal point needs digits after it");
            }
            decimal = true;
            advance();
            skipDigits();
            if (current() == '.') {
                throw new ConditionSyntaxException(column, "a number has at most one decimal point");
            }
        }
        String digits = text.substring(startIndex, index);
        if (!isNameStart(current())) {
            return new Token(Kind.NUMBER, digits, start, new BigDecimal(digits));
        }
        int unitColumn = column;
        int unitIndex = index;
        skipNameCharacters();
        String suffix = text.substring(unitIndex, index);
        DurationLiteral.Unit unit = DurationLiteral.Unit.ofSuffix(suffix);
        String written = text.substring(startIndex, index);
        if (unit == null) {
            throw new ConditionSyntaxException(unitColumn, "unknown duration unit '" + suffix + "' in '" + written
                    + "'; a duration is a whole number followed by ms, s, m, h or d");
        }
        if (decimal) {
            throw new ConditionSyntaxException(start, "a duration is a whole number of its unit, which '" + written
                    + "' is not" + inSmallerUnit(new BigDecimal(digits), unit));
        }
        if (digits.length() > MAX_DURATION_DIGITS) {
            throw new ConditionSyntaxException(start, "the duration '" + written + "' is too long");
        }
        return new Token(Kind.DURATION, written, start, new DurationLiteral(Long.parseLong(digits), unit, start));
    }

    /** {@code ErrorRate}, {@code payment_success_rate}, and dotted metric keys such as {@code builtin.cpu.usage}. */
    private Token name() throws ConditionSyntaxException {
        int startIndex = index;
        int start = column;
        skipNameCharacters();
        while (current() == '.') {
            advance();
            if (!isNameStart(current())) {
                throw new ConditionSyntaxException(column, "expected a name after '.' in '" + text.substring(startIndex, index)
                        + "'; each part of a dotted name starts with a letter or '_'");
            }
            skipNameCharacters();
        }
        String name = text.substring(startIndex, index);
        return new Token(Kind.NAME, name, start, name);
    }

    private Token string() throws ConditionSyntaxException {
        int start = column;
        int startIndex = index;
        advance();
        while (index < text.length() && text.charAt(index) != '\'') {
            advance();
        }
        if (index >= text.length()) {
            throw new ConditionSyntaxException(start, "unterminated string: the quote at column " + start
                    + " is never closed");
        }
        advance();
        String written = text.substring(startIndex, index);
        return new Token(Kind.STRING, written, start, written.substring(1, written.length() - 1));
    }

    /** {@code "; write 1500ms"} for {@code 1.5s}, when the next smaller unit makes it whole. */
    private static String inSmallerUnit(BigDecimal amount, DurationLiteral.Unit unit) {
        DurationLiteral.Unit smaller;
        int factor;
        switch (unit) {
            case SECONDS -> {
                smaller = DurationLiteral.Unit.MILLISECONDS;
                factor = 1000;
            }
            case MINUTES, HOURS -> {
                smaller = unit == DurationLiteral.Unit.MINUTES ? DurationLiteral.Unit.SECONDS : DurationLiteral.Unit.MINUTES;
                factor = 60;
            }
            case DAYS -> {
                smaller = DurationLiteral.Unit.HOURS;
                factor = 24;
            }
            default -> {
                return "";
            }
        }
        BigDecimal converted = amount.multiply(BigDecimal.valueOf(factor)).stripTrailingZeros();
        return converted.scale() <= 0 ? "; write " + converted.toPlainString() + smaller.suffix() : "";
    }

    private Token single(Kind kind) {
        Token token = new Token(kind, text.substring(index, index + 1), column, null);
        advance();
        return token;
    }

    private Token pair(Kind kind) {
        Token token = new Token(kind, text.substring(index, index + 2), column, null);
        advance();
        advance();
        return token;
    }

    private void skipDigits() {
        while (isDigit(current())) {
            advance();
        }
    }

    private void skipNameCharacters() {
        while (isNameStart(current()) || isDigit(current())) {
            advance();
        }
    }

    private int numberEnd(int from) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Moves one character on; a surrogate pair is one character, one column. */
    private void advance() {
        index += Character.charCount(text.codePointAt(index));
        column++;
    }

    private char current() {
        return peek(0);
    }

    private char peek(int ahead) {
        return index + ahead < text.length() ? text.charAt(index + ahead) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static String describe(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return String.format(Locale.ROOT, "U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
