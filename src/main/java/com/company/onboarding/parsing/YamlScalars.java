package com.company.onboarding.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one scalar is written so that every YAML reader reads back the same value: plain where
 * that is safe, quoted where it is not.
 *
 * <p>"Safe" means safe for YAML 1.2 core-schema readers (our own parser, yq v4, Go's yaml.v3)
 * and for YAML 1.1 readers (SnakeYAML's default resolver, PyYAML, Ruby), which also turn
 * {@code yes}, {@code off}, {@code 0777}, {@code 1_000}, {@code 12:30} and {@code 2024-01-01}
 * into something other than a string. Quoting a string that did not need it costs nothing;
 * not quoting one that did changes the platform team's data, so the rules lean to quoting.
 *
 * <p>This is the one answer to "may this string stay plain?" for both YAML writers: the
 * services.yaml editor, and the ConfigMap renderer, which on top keeps plain scalars to a small
 * alphabet. How a scalar is quoted differs on purpose: the editor quotes for a reviewer (single
 * quotes where they spare backslashes), the ConfigMap writes JSON strings, the escapes of the
 * {@code application.json} it carries, so its bytes never depend on this class's quoting.
 */
public final class YamlScalars {

    // Values a YAML 1.2 core-schema reader resolves to null, booleans or numbers.
    private static final Pattern CORE_SPECIAL = Pattern.compile(
            "~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
                    + "|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
                    + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    // What YAML 1.1 resolves on top (yaml.org/type: bool, int, float, merge, value, timestamp),
    // widened where SnakeYAML's resolver is wider than the spec ("._" is a float to it).
    private static final Pattern YAML11_SPECIAL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|<<|="
                    + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
                    + "|[-+]?[0-9_]*\\.[0-9_.]*([eE][-+]?[0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?");

    // Safety net for number-like spellings some reader might still take for a number or a date.
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[0-9._][0-9a-fA-FxXoO_.:+-]*");

    // Spelled in any case, these are quoted: some writers and readers (and our ConfigMaps) compare them so.
    private static final Set<String> RESERVED_ANY_CASE = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    // SnakeYAML (YAML 1.1) also ends a flow plain scalar at '?'.
    private static final String FLOW_INDICATORS = ",[]{}?";

    private YamlScalars() {
    }

    /** The scalar as YAML text; {@code flow} when it sits inside {@code [...]}. */
    public static String render(JsonNode value, boolean flow) {
        if (value.isTextual()) {
            return string(value.textValue(), flow);
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                throw new IllegalArgumentException("a number that is not finite has no YAML form our readers accept");
            }
            return number(value.decimalValue());
        }
        throw new IllegalArgumentException("cannot write a " + value.getNodeType() + " node as a YAML scalar");
    }

    /** A decimal written out in full, never in exponent form: {@code 99.99}, {@code 200}. */
    public static String number(BigDecimal value) {
        return value.toPlainString();
    }

    /** A string, plain when every reader reads it back unchanged, quoted otherwise. */
    public static String string(String value, boolean flow) {
        return plainSafe(value, flow) ? value : quoted(value);
    }

    /** A mapping key; the same rules as a value in block context. */
    public static String key(String key) {
        return string(key, false);
    }

    /** Whether {@code value} written without quotes reads back as this string for every reader. */
    public static boolean plainSafe(String value, boolean flow) {
        if (value.isEmpty() || LEADING_INDICATORS.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
            return false;
        }
        if (value.contains(": ") || value.endsWith(":") || value.contains(" #")) {
            return false;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == '\t' || needsEscape(c)) {
                return false;
            }
            // SnakeYAML and YAML 1.2 disagree on ':' inside flow plain scalars: keep it out.
            if (flow && (FLOW_INDICATORS.indexOf(c) >= 0 || c == ':')) {
                return false;
            }
            i += Character.charCount(c);
        }
        if (value.length() <= 5 && RESERVED_ANY_CASE.contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        // Past the reserved words, every special spelling starts with a digit, a sign, '.', '_', '~', '<' or '=':
        // a name or a label (the usual case) is not matched against the patterns at all.
        if (isAsciiLetter(value.charAt(0))) {
            return true;
        }
        return !CORE_SPECIAL.matcher(value).matches()
                && !YAML11_SPECIAL.matcher(value).matches()
                && !NUMBER_LIKE.matcher(value).matches();
    }

    /**
     * Quoted: single quotes when the text has a {@code "} or {@code \} and nothing to escape
     * (easier to review than backslashes), double quotes with escapes otherwise.
     */
    public static String quoted(String value) {
        boolean escapes = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            escapes |= c == '\t' || c == '\n' || c == '\r' || needsEscape(c);
            i += Character.charCount(c);
        }
        if (!escapes && (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0)) {
            return "'" + value.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (needsEscape(c)) {
                        out.append(c > 0xFFFF ? String.format("\\U%08X", c) : String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += Character.charCount(c);
        }
        return out.append('"').toString();
    }

    /**
     * Characters written as escapes: everything outside YAML's printable set, the line breaks
     * of YAML 1.1 (NEL, LS, PS), and invisible format characters (BOM, zero-width and
     * bidirectional controls) that a reviewer could not see in the diff.
     */
    public static boolean needsEscape(int c) {
        if (c >= 0x20 && c <= 0x7E) {
            return false;
        }
        if (c < 0xA0) {
            return true; // C0 controls (tab and line breaks included), DEL, C1 controls, NEL
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> c == 0xFFFE || c == 0xFFFF;
        };
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
