package com.company.onboarding.servicesyaml;

import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;

/**
 * The lines of a text, numbered as SnakeYAML numbers them, so a parser event's mark can be
 * turned into a character offset. Only LF and CRLF may break lines (the editor refuses lone
 * CR, NEL, LS and PS, which YAML 1.1 readers also count as breaks).
 */
final class TextLines {

    private final String text;
    private final int[] starts;

    TextLines(String text) {
        this.text = text;
        int[] found = new int[64];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = i + 1;
        }
        this.starts = Arrays.copyOf(found, count);
    }

    String text() {
        return text;
    }

    int count() {
        return starts.length;
    }

    int start(int line) {
        return starts[line];
    }

    /** Offset just after the line's content, before its line break. */
    int end(int line) {
        int end = next(line);
        if (end > starts[line] && text.charAt(end - 1) == '\n') {
            end--;
            if (end > starts[line] && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /** Offset of the next line's first character, or the text's length after the last line. */
    int next(int line) {
        return line + 1 < starts.length ? starts[line + 1] : text.length();
    }

    /** The line's break: {@code "\n"}, {@code "\r\n"}, or empty for a last line without one. */
    String lineBreak(int line) {
        return text.substring(end(line), next(line));
    }

    String content(int line) {
        return text.substring(starts[line], end(line));
    }

    int lineOf(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }

    /** A mark's character offset; SnakeYAML counts columns in code points. */
    int offset(Mark mark) {
        int start = starts[mark.getLine()];
        return text.offsetByCodePoints(start, mark.getColumn());
    }

    /** Leading spaces. */
    int indent(int line) {
        int i = starts[line];
        int end = end(line);
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i - starts[line];
    }

    boolean blank(int line) {
        return content(line).isBlank();
    }

    /** A line holding only a comment. */
    boolean comment(int line) {
        int first = starts[line] + indent(line);
        return first < end(line) && text.charAt(first) == '#';
    }
}
