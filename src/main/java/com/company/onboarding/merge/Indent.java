package com.company.onboarding.merge;

/** Indentation for the two text writers, appended in one call rather than a space at a time. */
final class Indent {

    private static final String SPACES = " ".repeat(128);

    private Indent() {
    }

    static StringBuilder pad(StringBuilder out, int spaces) {
        for (int left = spaces; left > 0; left -= SPACES.length()) {
            out.append(SPACES, 0, Math.min(left, SPACES.length()));
        }
        return out;
    }
}
