package com.company.onboarding.validation;

import static com.company.onboarding.validation.Rejection.quoted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Dynatrace's rules for metric keys and dimension keys (docs/library-notes.md#dynatrace-names), each
 * rejection saying exactly what is wrong. A name Dynatrace would refuse, or silently rewrite,
 * fails here, before CI ships it.
 */
public final class DynatraceNames {

    public static final int METRIC_KEY_MIN_LENGTH = 3;
    /** Dynatrace documents 255; 250 leaves room for the suffix it may append ({@code .count}, {@code .gauge}). */
    public static final int METRIC_KEY_MAX_LENGTH = 250;
    public static final int DIMENSION_KEY_MAX_LENGTH = 100;
    public static final int MAX_DIMENSIONS = 50;

    /** One rejected item of a metric's {@code dimensions} list. */
    public record DimensionProblem(int index, Rejection rejection) {
    }

    private DynatraceNames() {
    }

    /**
     * Empty when {@code key} is a valid metric key: sections separated by {@code .}, each holding
     * ASCII letters, digits, {@code _} and {@code -} and not starting with a digit or {@code -};
     * 3 to 250 characters in all.
     */
    public static Optional<Rejection> checkMetricKey(String key) {
        Optional<Rejection> size = emptyOrTooLong("metric key", key, METRIC_KEY_MAX_LENGTH);
        if (size.isPresent()) {
            return size;
        }
        int refused = firstRefused(key, c -> isMetricKeyCharacter(c) || c == '.');
        if (refused >= 0) {
            int c = key.codePointAt(refused);
            return Optional.of(new Rejection("metric key " + quoted(key) + " contains " + character(c)
                    + " at position " + (key.codePointCount(0, refused) + 1)
                    + "; a metric key holds only letters a-z and A-Z, digits, '_', '-' and '.'",
                    repaired(key, DynatraceNames::isMetricKeyCharacter, true)));
        }
        String[] sections = key.split("\\.", -1);
        for (int s = 0; s < sections.length; s++) {
            String section = sections[s];
            if (section.isEmpty()) {
                String where = s == 0 ? "starts with '.'" : s == sections.length - 1 ? "ends with '.'" : "contains '..'";
                return Optional.of(Rejection.of("metric key " + quoted(key) + " " + where
                        + "; sections are separated by single dots and none may be empty"));
            }
            char first = section.charAt(0);
            if (first == '-' || isDigit(first)) {
                String what = sections.length == 1 ? "metric key " + quoted(key)
                        : "section " + quoted(section) + " of metric key " + quoted(key);
                return Optional.of(Rejection.of(what + " starts with " + (first == '-' ? "'-'" : "a digit")
                        + "; each section starts with a letter or '_'"));
            }
        }
        if (key.length() < METRIC_KEY_MIN_LENGTH) {
            return Optional.of(Rejection.of("metric key " + quoted(key) + " is " + key.length()
                    + " characters long; a metric key has at least " + METRIC_KEY_MIN_LENGTH));
        }
        return Optional.empty();
    }

    /**
     * Empty when {@code key} is a valid dimension key: lowercase ASCII letters, digits, {@code -},
     * {@code .}, {@code :} and {@code _}, starting with a letter, at most 100 characters.
     * Dynatrace would lowercase {@code paymentMethod} silently; we refuse it and suggest the
     * lowercase key, so the key in the config is the key in Dynatrace.
     */
    public static Optional<Rejection> checkDimensionKey(String key) {
        Optional<Rejection> size = emptyOrTooLong("dimension key", key, DIMENSION_KEY_MAX_LENGTH);
        if (size.isPresent()) {
            return size;
        }
        int refused = firstRefused(key, DynatraceNames::isDimensionKeyCharacter);
        if (refused >= 0) {
            int c = key.codePointAt(refused);
            String problem = c >= 'A' && c <= 'Z'
                    ? " contains the uppercase letter " + character(c) + "; dimension keys are lowercase"
                    : " contains " + character(c) + " at position " + (key.codePointCount(0, refused) + 1)
                            + "; a dimension key holds only lowercase letters a-z, digits, '-', '.', ':' and '_'";
            return Optional.of(new Rejection("dimension key " + quoted(key) + problem,
                    repaired(key, DynatraceNames::isDimensionKeyCharacter, false)));
        }
        if (!isLowercaseLetter(key.charAt(0))) {
            return Optional.of(Rejection.of("dimension key " + quoted(key) + " starts with " + character(key.charAt(0))
                    + "; a dimension key starts with a lowercase letter"));
        }
        return Optional.empty();
    }

    /**
     * Every problem of a metric's {@code dimensions} list, by index: invalid keys, a key listed
     * twice, and the first key beyond the 50 a metric may have.
     */
    public static List<DimensionProblem> checkDimensions(List<String> keys) {
        List<DimensionProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (i == MAX_DIMENSIONS) {
                problems.add(new DimensionProblem(i, Rejection.of("a metric has at most " + MAX_DIMENSIONS
                        + " dimensions; this list has " + keys.size())));
            }
            Optional<Rejection> rejection = checkDimensionKey(key);
            if (rejection.isPresent()) {
                problems.add(new DimensionProblem(i, rejection.get()));
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(key, i);
            if (earlier != null) {
                problems.add(new DimensionProblem(i, Rejection.of("dimension key " + quoted(key)
                        + " is listed twice (first at index " + earlier + ")")));
            }
        }
        return problems;
    }

    private static Optional<Rejection> emptyOrTooLong(String what, String key, int maxLength) {
        if (key == null || key.isEmpty()) {
            return Optional.of(Rejection.of("the " + what + " is empty"));
        }
        if (key.length() > maxLength) {
            return Optional.of(Rejection.of(what + " " + quoted(key) + " is " + key.length()
                    + " characters long; a " + what + " has at most " + maxLength));
        }
        return Optional.empty();
    }

    /** The index of the first character {@code allowed} refuses, or -1. */
    private static int firstRefused(String key, IntPredicate allowed) {
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            if (!allowed.test(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static boolean isMetricKeyCharacter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '-';
    }

    private static boolean isDimensionKeyCharacter(int c) {
        return isLowercaseLetter(c) || isDigit(c) || c == '-' || c == '.' || c == ':' || c == '_';
    }

    private static boolean isLowercaseLetter(int c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The key with uppercase letters lowercased (dimension keys) and other refused characters
     * replaced by {@code _}, when that makes a valid key; null otherwise.
     */
    private static String repaired(String key, IntPredicate allowed, boolean metricKey) {
        StringBuilder repaired = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            if (!metricKey && c >= 'A' && c <= 'Z') {
                repaired.append((char) Character.toLowerCase(c));
            } else {
                repaired.appendCodePoint(allowed.test(c) || metricKey && c == '.' ? c : '_');
            }
        });
        String candidate = repaired.toString();
        boolean valid = metricKey ? checkMetricKey(candidate).isEmpty() : checkDimensionKey(candidate).isEmpty();
        return valid ? candidate : null;
    }

    private static String character(int c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format(Locale.ROOT, "the invisible character U+%04X", c);
        }
        return "'" + new String(Character.toChars(c)) + "'";
    }
}
