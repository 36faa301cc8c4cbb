package com.company.onboarding.parsing;

import java.math.BigDecimal;

/**
 * Bounds applied to every document we parse, whatever its origin.
 *
 * @param maxDepth        deepest nesting of mappings and sequences
 * @param maxCodePoints   size of the whole document, in characters
 * @param maxStringLength longest single string value or key
 * @param maxNumberLength longest number literal, and most digits a decimal may have written out in full
 */
public record ParseLimits(int maxDepth, int maxCodePoints, int maxStringLength, int maxNumberLength) {

    /** Generous for any services.yaml, profile or catalog file, small enough to stop abuse. */
    public static final ParseLimits DEFAULT = new ParseLimits(64, 16 * 1024 * 1024, 1024 * 1024, 100);

    public ParseLimits {
        if (maxDepth < 1 || maxCodePoints < 1 || maxStringLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("parse limits must be positive");
        }
    }

    /**
     * Whether {@code value} written out without an exponent has at most {@link #maxNumberLength()}
     * digits. The literal's length alone does not bound it: {@code 1e999999} is eight characters and
     * a million digits, which formatting or comparing would have to build (an eight-byte body
     * could exhaust the heap).
     */
    public boolean fitsWrittenOut(BigDecimal value) {
        long integerDigits = Math.max(0L, (long) value.precision() - value.scale());
        long fractionDigits = Math.max(0L, value.scale());
        return integerDigits + fractionDigits <= maxNumberLength;
    }

    /** What a client is told when a number does not {@link #fitsWrittenOut fit}. */
    String writtenOutTooLong() {
        return "a number has more than " + maxNumberLength + " digits written out in full";
    }
}
