package com.company.onboarding.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the application document as the pretty-printed JSON of {@code data."application.json"}.
 * The format is fixed here, so the bytes depend on the tree only:
 * <ul>
 * <li>two spaces of indentation, {@code "key": value}, members in the tree's order;</li>
 * <li>an array of scalars on one line ({@code ["java", "http"]}), an array holding an object or an
 *     array with one item per line; empty containers as {@code []} and {@code {}};</li>
 * <li>numbers as written: integers as they are, decimals in plain notation with their scale
 *     ({@code 99.0}, never {@code 9.9E+1});</li>
 * <li>strings escaped as JSON requires, plus every character YAML cannot hold or would read as a
 *     line break inside a literal block (C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF, lone
 *     surrogates) as {@code \\uXXXX}, so the text can always sit in a {@code |} block; other
 *     characters are written as they are (UTF-8);</li>
 * <li>one final newline.</li>
 * </ul>
 */
public final class ApplicationJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ApplicationJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(16 * 1024); // a typical application document, without regrowing
        value(node, out, 0);
        return out.append('\n').toString();
    }

    private static void value(JsonNode node, StringBuilder out, int indent) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, out, indent);
            case ARRAY -> array(node, out, indent);
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : node.decimalValue().toPlainString());
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> string(node.asText(), out);
        }
    }

    private static void object(JsonNode node, StringBuilder out, int indent) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            pad(out, indent + 2);
            string(field.getKey(), out);
            out.append(": ");
            value(field.getValue(), out, indent + 2);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append('}');
    }

    private static void array(JsonNode node, StringBuilder out, int indent) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean scalars = true;
        for (JsonNode item : node) {
            scalars &= item.isValueNode();
        }
        if (scalars) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                value(node.get(i), out, indent);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < node.size(); i++) {
            pad(out, indent + 2);
            value(node.get(i), out, indent + 2);
            out.append(i + 1 < node.size() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append(']');
    }

    private static void pad(StringBuilder out, int spaces) {
        Indent.pad(out, spaces);
    }

    static void string(String value, StringBuilder out) {
        out.append('"');
        int plain = 0;
        while (plain < value.length() && isPlain(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain); // most values need no escape at all: copy them in one go
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (needsEscape(c)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }

    /** Characters a YAML literal block cannot carry as they are (besides the ones JSON escapes anyway). */
    static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                || c == '\ufffe' || c == '\uffff' || Character.isSurrogate(c);
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
    }
}
