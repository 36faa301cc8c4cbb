package com.company.onboarding.parsing;

/**
 * NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), written as they are in
 * YAML text, are line breaks to YAML 1.1 readers (SnakeYAML, with which this service reads YAML;
 * PyYAML; libyaml and the Go readers derived from it) and ordinary text to YAML 1.2 readers. So a
 * YAML document holding one, request body or file, is refused, with the pointer of the node that
 * holds it. Escaped in a double-quoted scalar ({@code "\L"}, {@code "\u2028"}) every reader
 * reads the character itself, as JSON does: that is how to send one, and how this service writes
 * one.
 */
public final class LineBreakCharacters {

    private static final char NEL = 0x85;
    private static final char LINE_SEPARATOR = 0x2028;
    private static final char PARAGRAPH_SEPARATOR = 0x2029;
    private static final char[] ALL = {NEL, LINE_SEPARATOR, PARAGRAPH_SEPARATOR};

    private LineBreakCharacters() {
    }

    /** The index of the first such character in {@code text}, or -1. */
    public static int indexIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (is(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean is(char c) {
        return c == NEL || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR;
    }

    /**
     * Stand-ins for the three characters (in the order NEL, LS, PS): private-use characters that
     * {@code text} does not contain, so a read of the text with them can be mapped back.
     */
    static char[] placeholders(String text) {
        char[] chosen = new char[3];
        char candidate = 0xE000;
        for (int i = 0; i < chosen.length; i++, candidate++) {
            while (text.indexOf(candidate) >= 0) {
                candidate++;
            }
            chosen[i] = candidate;
        }
        return chosen;
    }

    /** {@code text} with each such character replaced by its stand-in (the same length). */
    static String replaced(String text, char[] placeholders) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int which = which(chars[i]);
            if (which >= 0) {
                chars[i] = placeholders[which];
            }
        }
        return new String(chars);
    }

    /** {@code text} (a pointer) with each stand-in turned back into the character it stands for. */
    static String restored(String text, char[] placeholders) {
        if (text == null) {
            return null;
        }
        String restored = text;
        for (int i = 0; i < placeholders.length; i++) {
            restored = restored.replace(placeholders[i], ALL[i]);
        }
        return restored;
    }

    /** The character {@code c} stands for, when it is one of {@code placeholders}; else 0. */
    static char standsFor(char c, char[] placeholders) {
        for (int i = 0; i < placeholders.length; i++) {
            if (placeholders[i] == c) {
                return ALL[i];
            }
        }
        return 0;
    }

    private static int which(char c) {
        for (int i = 0; i < ALL.length; i++) {
            if (ALL[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** What a client is told about the character {@code c}. */
    static String message(char c) {
        String name = c == NEL ? "U+0085 (next line)" : c == LINE_SEPARATOR ? "U+2028 (line separator)"
                : "U+2029 (paragraph separator)";
        return name + " is not accepted as written: YAML 1.1 reads it as a line break, YAML 1.2 as text;"
                + " escape it in a double-quoted string";
    }

    /** The refusal of the character at {@code index} of {@code text}, with its line and column. */
    static DocumentException at(String text, int index, String pointer) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, index) + 1;
        return new DocumentException(DocumentException.Kind.CHARACTER, message(text.charAt(index)), line, column, pointer);
    }
}
