package com.company.onboarding.parsing;

/**
 * Bounds applied to every document we parse, whatever its origin.
 *
 * @param maxDepth        deepest nesting of mappings and sequences
 * @param maxCodePoints   size of the whole document, in characters
 * @param maxStringLength longest single string value or key
 * @param maxNumberLength longest number literal
 */
public record ParseLimits(int maxDepth, int maxCodePoints, int maxStringLength, int maxNumberLength) {

    /** Generous for any services.yaml, profile or catalog file, small enough to stop abuse. */
    public static final ParseLimits DEFAULT = new ParseLimits(64, 16 * 1024 * 1024, 1024 * 1024, 100);

    public ParseLimits {
        if (maxDepth < 1 || maxCodePoints < 1 || maxStringLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("parse limits must be positive");
        }
    }
}
