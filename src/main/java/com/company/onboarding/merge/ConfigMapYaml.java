package com.company.onboarding.merge;

import com.company.onboarding.parsing.YamlScalars;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ConfigMap} as the YAML document CI writes. A small emitter rather than a YAML
 * library, so the bytes are fixed here and nowhere else:
 * <ul>
 * <li>two-space block mappings in the order of the record's maps;</li>
 * <li>a scalar is plain when it starts with a letter, holds only letters, digits and
 *     {@code . _ / @ -}, and {@link YamlScalars} (the one rule of the YAML writers) says it stays
 *     a string plain ({@code true}, {@code no}, {@code null}, ... in any case are quoted); otherwise
 *     it is double-quoted with JSON's escapes, so {@code monitoring.primary: "true"} stays a string;</li>
 * <li>a {@code data} value with line breaks is a literal block ({@code |}, with {@code |-} or
 *     {@code |+} when it does not end in exactly one newline) indented two more spaces; a value
 *     holding a character a block cannot carry is double-quoted instead.</li>
 * </ul>
 * Documents of several targets are joined by {@code ---} lines, in the order given.
 */
public final class ConfigMapYaml {

    private ConfigMapYaml() {
    }

    public static String render(ConfigMap configMap) {
        StringBuilder out = new StringBuilder(configMap.applicationJson() == null ? 512
                : configMap.applicationJson().length() * 5 / 4 + 512);
        entry(out, 0, "apiVersion", configMap.apiVersion());
        entry(out, 0, "kind", configMap.kind());
        out.append("metadata:\n");
        entry(out, 2, "name", configMap.metadata().name());
        entry(out, 2, "namespace", configMap.metadata().namespace());
        mapping(out, 2, "labels", configMap.metadata().labels());
        mapping(out, 2, "annotations", configMap.metadata().annotations());
        if (!configMap.data().isEmpty()) {
            out.append("data:\n");
            for (Map.Entry<String, String> item : configMap.data().entrySet()) {
                out.append("  ").append(scalar(item.getKey())).append(':');
                block(out, item.getValue());
            }
        }
        return out.toString();
    }

    /** Several ConfigMaps as one multi-document stream, in the order given. */
    public static String stream(List<ConfigMap> configMaps) {
        List<String> documents = configMaps.stream().map(ConfigMapYaml::render).toList();
        return String.join("---\n", documents);
    }

    private static void mapping(StringBuilder out, int indent, String key, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        pad(out, indent).append(key).append(":\n");
        values.forEach((k, v) -> entry(out, indent + 2, k, v));
    }

    private static void entry(StringBuilder out, int indent, String key, String value) {
        pad(out, indent).append(scalar(key)).append(": ").append(value == null ? "null" : scalar(value)).append('\n');
    }

    /** A value of {@code data} (a key at indentation 2), its block's lines at indentation 4. */
    private static void block(StringBuilder out, String value) {
        int indent = 4;
        if (value.indexOf('\n') < 0 || !blockSafe(value)) {
            out.append(' ').append(quoted(value)).append('\n');
            return;
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '\n') {
            end--;
        }
        int trailing = value.length() - end;
        out.append(" |");
        if (value.charAt(0) == ' ') {
            out.append(2); // indentation indicator (relative to the data mapping): a first line starting with spaces cannot set it
        }
        out.append(trailing == 0 ? "-" : trailing > 1 ? "+" : "").append('\n');
        int start = 0;
        while (start <= end) {
            int newline = value.indexOf('\n', start);
            int stop = newline < 0 || newline > end ? end : newline;
            if (stop > start) {
                pad(out, indent).append(value, start, stop);
            }
            out.append('\n');
            start = stop + 1;
        }
        for (int i = 1; i < trailing; i++) {
            out.append('\n');
        }
    }

    /** A literal block holds printable characters, tabs and line feeds only; no carriage returns, no trailing spaces. */
    private static boolean blockSafe(String value) {
        if (value.isEmpty() || value.charAt(0) == '\n') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7f) {
                continue; // the common case, cheaply
            }
            if (c != '\n' && c != '\t' && ApplicationJson.needsEscape(c) && !isPair(value, i)) {
                return false;
            }
            if (c == ' ' && (i + 1 == value.length() || value.charAt(i + 1) == '\n')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPair(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    static String scalar(String value) {
        return isPlain(value) && YamlScalars.plainSafe(value, false) ? value : quoted(value);
    }

    /** {@code [A-Za-z][A-Za-z0-9._/@-]*}, without a regular expression: labels are written often. */
    private static boolean isPlain(String value) {
        if (value.isEmpty() || !isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && ".-_/@".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A JSON string is a valid YAML double-quoted scalar, with the same escapes for what YAML cannot hold. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        ApplicationJson.string(value, out);
        return out.toString();
    }

    private static StringBuilder pad(StringBuilder out, int spaces) {
        return Indent.pad(out, spaces);
    }
}
