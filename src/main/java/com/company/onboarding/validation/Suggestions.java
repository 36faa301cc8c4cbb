package com.company.onboarding.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for a value that is not one of a known set: the closest known name by
 * Damerau-Levenshtein distance (optimal string alignment: an insertion, a deletion, a
 * substitution or a swap of two neighbours each cost one), ignoring case.
 *
 * <p>A suggestion is only made when it is close for the length of what was written
 * ({@link #maxDistance(int)}), so a name that resembles nothing gets none rather than a wild
 * guess. Ties go to the candidate closest with case taken into account ({@code COUNT} suggests
 * {@code Count} over {@code count}), then to the one whose first differing character is nearest
 * in code point ({@code euw3} suggests {@code euw2} over {@code euw1}), then to the first in
 * alphabetical order, so the answer never depends on the order of the candidates.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate, or empty when none is close enough. */
    public static Optional<String> closest(String written, Collection<String> candidates) {
        if (written == null || written.isEmpty()) {
            return Optional.empty();
        }
        String typed = written.toLowerCase(Locale.ROOT);
        int limit = maxDistance(typed.length());
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate == null || candidate.isEmpty()) {
                continue;
            }
            int distance = distance(typed, candidate.toLowerCase(Locale.ROOT), limit);
            if (distance > limit) {
                continue;
            }
            if (best == null || distance < bestDistance
                    || distance == bestDistance && closerTie(written, candidate, best)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How many edits a suggestion may be away from what was written: none for one or two
     * characters (every short name is near every other), one up to four characters, two up to
     * eight, three beyond.
     */
    public static int maxDistance(int length) {
        if (length <= 2) {
            return 0;
        }
        if (length <= 4) {
            return 1;
        }
        return length <= 8 ? 2 : 3;
    }

    /** The optimal string alignment distance of {@code a} and {@code b}, case-sensitive. */
    public static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE);
    }

    /** As {@link #distance(String, String)}, but any result above {@code limit} is just "above". */
    private static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return Math.abs(n - m);
        }
        // three rows: the one before the previous is needed for the swap of neighbours
        int[] beforePrevious = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, beforePrevious[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > limit) {
                return rowMinimum; // every later row is at least this far
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }

    /** Between two candidates at the same distance, is {@code challenger} the better guess? */
    private static boolean closerTie(String written, String challenger, String incumbent) {
        int byCase = Integer.compare(distance(written, challenger), distance(written, incumbent));
        if (byCase != 0) {
            return byCase < 0;
        }
        String typed = written.toLowerCase(Locale.ROOT);
        int byCharacter = Integer.compare(firstDifference(typed, challenger), firstDifference(typed, incumbent));
        return byCharacter != 0 ? byCharacter < 0 : challenger.compareTo(incumbent) < 0;
    }

    /** How far apart, in code point, the first characters that differ are (0 when one is a prefix). */
    private static int firstDifference(String typed, String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        int shared = Math.min(typed.length(), lower.length());
        for (int i = 0; i < shared; i++) {
            if (typed.charAt(i) != lower.charAt(i)) {
                return Math.abs(typed.charAt(i) - lower.charAt(i));
            }
        }
        return 0;
    }
}
