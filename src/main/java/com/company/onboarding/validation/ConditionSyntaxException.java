package com.company.onboarding.validation;

/**
 * An alert condition that does not parse ({@code alert.condition.syntax}): where, as a 1-based
 * column counted in characters from the start of the condition, and what was expected there.
 */
public final class ConditionSyntaxException extends Exception {

    private final int column;

    public ConditionSyntaxException(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    /** 1-based; one past the last character when the condition ends too early. */
    public int column() {
        return column;
    }

    /** The message with its column, the way a person reads it: {@code column 12: expected an operand after '>'}. */
    public String describe() {
        return "column " + column + ": " + getMessage();
    }
}
