package com.company.onboarding.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A test's view of an edit as a diff: the result must be the original with one piece of text
 * inserted at one place, every original byte kept in order. On anything else it fails with a
 * unified-diff-like excerpt around the first difference.
 *
 * <p>An insertion can often slide (inserting {@code "  - b\n"} before {@code "  # c"} equals
 * inserting {@code "- b\n  "} two characters later); among the equivalent places the one at the
 * start of a line is reported when there is one.
 *
 * @param offset      where, in the original, the inserted text goes
 * @param inserted    the inserted text
 * @param atLineStart whether {@code offset} is at the start of a line (or the end of the text)
 */
public record Insertion(int offset, String inserted, boolean atLineStart) {

    public static Insertion between(String original, String result) {
        if (result.length() <= original.length()) {
            throw new AssertionError("not an insertion: the result is not longer than the original");
        }
        int limit = Math.min(original.length(), result.length());
        int prefix = 0;
        while (prefix < limit && original.charAt(prefix) == result.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < original.length()
                && original.charAt(original.length() - 1 - suffix) == result.charAt(result.length() - 1 - suffix)) {
            suffix++;
        }
        if (prefix + suffix < original.length()) {
            throw new AssertionError("not a pure insertion:\n" + diff(original, result, prefix));
        }
        int length = result.length() - original.length();
        // Every offset in [original.length() - suffix, prefix] gives the same result.
        for (int offset = prefix; offset >= original.length() - suffix; offset--) {
            if (offset == 0 || offset == original.length() || original.charAt(offset - 1) == '\n') {
                return new Insertion(offset, result.substring(offset, offset + length), true);
            }
        }
        return new Insertion(prefix, result.substring(prefix, prefix + length), false);
    }

    /** The lines around the first difference, as {@code -} old and {@code +} new lines. */
    private static String diff(String original, String result, int at) {
        List<String> oldLines = lines(original);
        List<String> newLines = lines(result);
        int first = (int) original.substring(0, at).chars().filter(c -> c == '\n').count();
        StringBuilder out = new StringBuilder("@@ line " + (first + 1) + " @@\n");
        for (int i = Math.max(0, first - 2); i < first; i++) {
            out.append(' ').append(oldLines.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(oldLines.size(), first + 6); i++) {
            out.append('-').append(oldLines.get(i)).append('\n');
        }
        for (int i = first; i < Math.min(newLines.size(), first + 6); i++) {
            out.append('+').append(newLines.get(i)).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.replace("\r", "\\r"));
        }
        return lines;
    }
}
