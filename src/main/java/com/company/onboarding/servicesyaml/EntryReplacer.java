package com.company.onboarding.servicesyaml;

import com.company.onboarding.parsing.YamlScalars;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.Utf8;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.servicesyaml.YamlBlockTree.Entry;
import com.company.onboarding.servicesyaml.YamlBlockTree.Mapping;
import com.company.onboarding.servicesyaml.YamlBlockTree.Node;
import com.company.onboarding.servicesyaml.YamlBlockTree.Scalar;
import com.company.onboarding.servicesyaml.YamlBlockTree.Sequence;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Replaces one entry of a {@code services.yaml} text with another by the smallest text edit
 * (docs/changes.md, "The minimal edit"): every byte outside the entry is kept, and inside it
 * every line whose value did not change, comments and quoting included.
 * <ul>
 * <li>A changed scalar is replaced where it stands: its line keeps its indentation, its
 *     trailing comment and its quoting style (single, double or plain, quoted anyway where a
 *     plain value would read back as something else).</li>
 * <li>A removed key takes its lines, from its key to its value's last line, and only those.</li>
 * <li>An added key is written in the file's indentation after the kept key that precedes it in
 *     the entry's order (the design document's order), after the comments indented under that
 *     key; an added list item likewise after the item before it. Items of lists are matched by
 *     {@code name} where they have one, otherwise by value, so a ref bump is a one-line change
 *     and one more catalog profile one added line.</li>
 * <li>A flow list or mapping on one line ({@code [euw1, euw2]}) is rewritten on its line,
 *     unchanged items as they were written.</li>
 * <li>A value that changes shape (a scalar becoming a list, a block scalar, a list emptied) is
 *     written out again, key and value, from its key to its last line.</li>
 * </ul>
 * The result is parsed again and must hold the old file with exactly that item replaced (keys
 * compared as sets); if the minimal edit does not verify, the entry is written out whole and
 * checked again; an edit that still does not verify is never returned.
 */
public final class EntryReplacer {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ParseLimits limits;

    public EntryReplacer() {
        this(ParseLimits.DEFAULT);
    }

    public EntryReplacer(ParseLimits limits) {
        this.limits = limits;
    }

    /**
     * A verified replacement.
     *
     * @param text      the whole new file (with its byte order mark, if the old one had one)
     * @param rewritten true when the minimal edit did not verify and the entry was written out whole
     */
    public record Replaced(String text, boolean rewritten) {
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Edits the file's bytes (strict UTF-8; a byte order mark is kept). */
    public Replaced replace(byte[] file, String service, ObjectNode entry) throws UnsafeEditException {
        return prepare(file, service).orElseThrow(() -> new IllegalArgumentException("services.yaml has no service "
                + service)).replace(entry);
    }

    /**
     * Replaces the first item of {@code services} named {@code service} by {@code entry}, whose key
     * order is the order added keys follow.
     *
     * @throws UnsafeEditException      when the file cannot be edited safely; the reason names the line
     * @throws IllegalArgumentException when the file has no such service (callers check first)
     * @throws EditNotVerifiedException when even the entry written out whole does not parse back as expected (a bug)
     */
    public Replaced replace(String fileText, String service, ObjectNode entry) throws UnsafeEditException {
        return prepare(fileText, service).orElseThrow(() -> new IllegalArgumentException("services.yaml has no service "
                + service)).replace(entry);
    }

    /** {@link #prepare(String, String)} of the file's bytes (strict UTF-8; a byte order mark is kept). */
    public Optional<Prepared> prepare(byte[] file, String service) throws UnsafeEditException {
        boolean bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF;
        try {
            return prepare((bom ? String.valueOf(BYTE_ORDER_MARK) : "") + Utf8.decode(file), service);
        } catch (DocumentException e) {
            throw new UnsafeEditException("the file is not UTF-8 (" + e.getMessage() + ")", 0);
        }
    }

    /**
     * The file parsed once, with the entry of {@code service} found: what it is now ({@link
     * Prepared#current()}), and the edit that replaces it. Empty when the file has no such service.
     *
     * @throws UnsafeEditException when the file cannot be edited safely; the reason names the line
     */
    public Optional<Prepared> prepare(String fileText, String service) throws UnsafeEditException {
        boolean bom = !fileText.isEmpty() && fileText.charAt(0) == BYTE_ORDER_MARK;
        String text = bom ? fileText.substring(1) : fileText;
        ServicesYamlEditor.checkLineBreaks(text);
        TextLines lines = new TextLines(text);
        ServicesYamlEditor.checkIndentation(lines);
        JsonNode before = parse(text);
        int index = indexOf(before, service);
        if (index < 0) {
            return Optional.empty();
        }
        return Optional.of(new Prepared(bom ? String.valueOf(BYTE_ORDER_MARK) : "", lines, before, index, service));
    }

    /** A file parsed, and the entry an edit replaces in it. */
    public final class Prepared {
        private final String prefix;
        private final TextLines lines;
        private final JsonNode before;
        private final int index;
        private final String service;

        private Prepared(String prefix, TextLines lines, JsonNode before, int index, String service) {
            this.prefix = prefix;
            this.lines = lines;
            this.before = before;
            this.index = index;
            this.service = service;
        }

        /** The entry as the file has it now. */
        public JsonNode current() {
            return before.path("services").get(index);
        }

        /**
         * The file with the entry replaced by {@code entry}, verified.
         *
         * @throws UnsafeEditException      when the entry is not written in a way the edit can work on
         * @throws EditNotVerifiedException when even the entry written out whole does not parse back as expected
         */
        public Replaced replace(ObjectNode entry) throws UnsafeEditException {
            YamlBlockTree.Services services = YamlBlockTree.servicesItem(lines, index);
            if (!(services.item() instanceof Mapping item) || item.flow()) {
                throw new UnsafeEditException("the entry of " + service + " is not written as a block mapping (- name: ...)",
                        services.dashLine() + 1);
            }
            YamlLayout layout = layout(lines, services, item);
            Plan plan = new Plan(lines, layout);
            if (plan.value(item, current(), entry, "", false)) {
                try {
                    String edited = plan.apply();
                    if (difference(before, edited, index, entry) == null) {
                        return new Replaced(prefix + edited, false);
                    }
                } catch (IllegalStateException overlapping) {
                    // The minimal edit came out inconsistent: write the entry out whole instead.
                }
            }
            String whole = wholeItem(lines, services, item, entry, layout);
            String difference = difference(before, whole, index, entry);
            if (difference != null) {
                throw new EditNotVerifiedException("the edited file differs from the old services with " + service
                        + " replaced: " + difference);
            }
            return new Replaced(prefix + whole, true);
        }
    }

    /** Whether an item of {@code services.yaml} is already {@code entry} (key order aside, numbers by value). */
    public static boolean sameEntry(JsonNode item, JsonNode entry) {
        return EditCheck.equivalent(entry, item);
    }

    private static int indexOf(JsonNode root, String service) {
        JsonNode items = root.path("services");
        for (int i = 0; i < items.size(); i++) {
            JsonNode name = items.get(i).path("name");
            if (name.isTextual() && name.textValue().equals(service)) {
                return i;
            }
        }
        return -1;
    }

    /** New lines are written as the file writes its own: its indentation steps, item key offset and line ending. */
    private static YamlLayout layout(TextLines lines, YamlBlockTree.Services services, Mapping item) {
        int step = services.step() >= 1 && services.step() <= 16 ? services.step() : 2;
        int sequenceIndent = services.sequenceIndent() >= 0 ? services.sequenceIndent() : 2;
        boolean onDashLine = lines.lineOf(item.start()) == services.dashLine();
        int keyOffset = onDashLine && item.column() - services.column() >= 2 ? item.column() - services.column() : 2;
        String eol = lines.count() > 1 && !lines.lineBreak(0).isEmpty() ? lines.lineBreak(0) : "\n";
        return new YamlLayout(services.column(), keyOffset, step, sequenceIndent, eol);
    }

    /** The fallback: the item's lines, from its {@code -} to its last line, replaced by the entry written out. */
    private static String wholeItem(TextLines lines, YamlBlockTree.Services services, Mapping item, ObjectNode entry,
            YamlLayout layout) {
        String rendered = EntryRenderer.render(entry, layout);
        int end = lines.next(item.lastLine());
        if (lines.lineBreak(item.lastLine()).isEmpty()) {
            rendered = rendered.substring(0, rendered.length() - layout.eol().length());
        }
        String text = lines.text();
        return text.substring(0, lines.start(services.dashLine())) + rendered + text.substring(end);
    }

    private JsonNode parse(String text) throws UnsafeEditException {
        try {
            return YamlTrees.read(text, limits);
        } catch (DocumentException e) {
            throw new UnsafeEditException("the file does not parse: " + e.getMessage(), e.line());
        }
    }

    private String difference(JsonNode before, String text, int index, JsonNode entry) {
        try {
            return EditCheck.replacement(before, YamlTrees.read(text, limits), index, entry);
        } catch (DocumentException e) {
            return "the edited file does not parse: " + e.describe();
        }
    }

    /** The edits that turn the old item into the new one, collected while walking both. */
    private static final class Plan {

        /** Replace {@code [start, end)} with {@code text}; an insertion when {@code start == end}. */
        private record Edit(int start, int end, String text) {
        }

        private final TextLines lines;
        private final String text;
        private final YamlLayout layout;
        private final List<Edit> edits = new ArrayList<>();

        Plan(TextLines lines, YamlLayout layout) {
            this.lines = lines;
            this.text = lines.text();
            this.layout = layout;
        }

        /**
         * Plans the edit of {@code old} (which parsed to {@code was}) into {@code now}. False, with
         * nothing planned, when it cannot be done in place: the caller then writes out what holds it.
         */
        boolean value(Node old, JsonNode was, JsonNode now, String pointer, boolean flow) {
            if (EditCheck.equivalent(now, was)) {
                return true;
            }
            int mark = edits.size();
            boolean done;
            if (old instanceof Scalar scalar) {
                done = now.isValueNode() && scalar.inline(lines) && replace(scalar.start(), scalar.end(),
                        scalar(now, scalar.style(), flow));
            } else if (old instanceof Mapping mapping) {
                done = now.isObject() && !now.isEmpty() && was.isObject()
                        && (mapping.flow() ? flowMapping(mapping, was, now) : blockMapping(mapping, was, now, pointer));
            } else {
                Sequence sequence = (Sequence) old;
                done = now.isArray() && !now.isEmpty() && was.isArray()
                        && (sequence.flow() ? flowSequence(sequence, was, now) : blockSequence(sequence, was, now, pointer));
            }
            if (!done) {
                edits.subList(mark, edits.size()).clear();
            }
            return done;
        }

        private boolean blockMapping(Mapping mapping, JsonNode was, JsonNode now, String pointer) {
            List<String> keys = names(was); // the file's keys, parallel to mapping.entries()
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                Entry entry = mapping.entries().get(i);
                if (now.has(keys.get(i))) {
                    kept.add(i);
                } else if (!startsLine(entry.key().start())) {
                    return false; // the first key of a list item shares the '-' line: the item is written again
                } else {
                    removeLines(lines.lineOf(entry.key().start()), last(entry));
                }
            }
            if (kept.isEmpty()) {
                return false;
            }
            for (int i : kept) {
                String key = keys.get(i);
                Entry entry = mapping.entries().get(i);
                String child = pointer + "/" + YamlTrees.escape(key);
                if (!value(entry.value(), was.get(key), now.get(key), child, false)) {
                    rewriteEntry(entry, key, now.get(key), mapping.column(), pointer);
                }
            }
            for (Map.Entry<Integer, List<String>> insertion : insertions(keys, now).entrySet()) {
                StringBuilder added = new StringBuilder();
                for (String key : insertion.getValue()) {
                    added.append(BlockYamlWriter.entry(key, now.get(key), mapping.column(), layout,
                            EntryRenderer::flowAllowed, pointer));
                }
                int after = insertion.getKey();
                Entry first = mapping.entries().get(kept.get(0));
                if (after < 0 && startsLine(first.key().start())) {
                    insert(lines.start(lines.lineOf(first.key().start())), added.toString());
                } else {
                    // Before the first key of a list item is its '-': the new key goes after that first key.
                    Entry anchor = mapping.entries().get(after < 0 ? kept.get(0) : after);
                    insertAfterLine(owned(last(anchor), mapping.column()), added.toString());
                }
            }
            return true;
        }

        /**
         * The keys of {@code now} the file lacks, grouped by the index (in {@code keys}) of the kept
         * key they follow: the kept key latest in the file among those before them in {@code now}'s
         * order; -1 when none comes before them. In {@code now}'s order.
         */
        private static Map<Integer, List<String>> insertions(List<String> keys, JsonNode now) {
            Map<Integer, List<String>> insertions = new LinkedHashMap<>();
            int anchor = -1;
            for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                int index = keys.indexOf(key);
                if (index >= 0) {
                    anchor = Math.max(anchor, index);
                } else {
                    insertions.computeIfAbsent(anchor, a -> new ArrayList<>()).add(key);
                }
            }
            return insertions;
        }

        private boolean blockSequence(Sequence sequence, JsonNode was, JsonNode now, String pointer) {
            List<String> oldKeys = new ArrayList<>();
            was.forEach(item -> oldKeys.add(itemKey(item)));
            List<String> newKeys = new ArrayList<>();
            now.forEach(item -> newKeys.add(itemKey(item)));
            List<int[]> matches = Lcs.matches(oldKeys, newKeys);
            int i = 0;
            int j = 0;
            int survivor = -1; // the last old item still in the list, for insertions after it
            for (int m = 0; m <= matches.size(); m++) {
                int nextI = m < matches.size() ? matches.get(m)[0] : was.size();
                int nextJ = m < matches.size() ? matches.get(m)[1] : now.size();
                // Between two matches: old items i..nextI-1 go, new items j..nextJ-1 come.
                while (i < nextI && j < nextJ && sequence.items().get(i) instanceof Scalar scalar
                        && scalar.inline(lines) && now.get(j).isValueNode()) {
                    // One value in place of another: changed where it stands, its comment kept.
                    replace(scalar.start(), scalar.end(), scalar(now.get(j), scalar.style(), false));
                    survivor = i++;
                    j++;
                }
                for (; i < nextI; i++) {
                    int dashLine = sequence.dashLines().get(i);
                    if (!dashStartsLine(sequence, dashLine)) {
                        return false; // a '-' after another '-' on its line: the outer item is written again
                    }
                    removeLines(dashLine, sequence.items().get(i).lastLine());
                }
                if (j < nextJ) {
                    StringBuilder added = new StringBuilder();
                    for (; j < nextJ; j++) {
                        added.append(BlockYamlWriter.sequenceItem(now.get(j), sequence.column(), layout,
                                EntryRenderer::flowAllowed, pointer + "/" + j));
                    }
                    if (survivor >= 0) {
                        insertAfterLine(owned(sequence.items().get(survivor).lastLine(), sequence.column()),
                                added.toString());
                    } else {
                        int dashLine = sequence.dashLines().get(0);
                        if (!dashStartsLine(sequence, dashLine)) {
                            return false;
                        }
                        insert(lines.start(dashLine), added.toString());
                    }
                }
                if (m < matches.size()) {
                    Node item = sequence.items().get(i);
                    if (!value(item, was.get(i), now.get(j), pointer + "/" + j, false)
                            && !rewriteItem(sequence, i, now.get(j), pointer + "/" + j)) {
                        return false;
                    }
                    survivor = i++;
                    j++;
                }
            }
            return true;
        }

        /** {@code [a, b]} on one line, written again on that line; items that stay are kept as written. */
        private boolean flowSequence(Sequence sequence, JsonNode was, JsonNode now) {
            if (lines.lineOf(sequence.start()) != lines.lineOf(sequence.end() - 1)) {
                return false;
            }
            Map<String, Deque<String>> written = new HashMap<>();
            for (int i = 0; i < was.size(); i++) {
                if (sequence.items().get(i) instanceof Scalar scalar) {
                    written.computeIfAbsent(itemKey(was.get(i)), k -> new ArrayDeque<>())
                            .add(text.substring(scalar.start(), scalar.end()));
                }
            }
            StringJoiner items = new StringJoiner(", ", "[", "]");
            for (JsonNode item : now) {
                if (!item.isValueNode()) {
                    return false;
                }
                Deque<String> same = written.get(itemKey(item));
                items.add(same != null && !same.isEmpty() ? same.poll() : YamlScalars.render(item, true));
            }
            return replace(sequence.start(), sequence.end(), items.toString());
        }

        /** {@code {a: 1, b: 2}} on one line, written again on that line; pairs that stay are kept as written. */
        private boolean flowMapping(Mapping mapping, JsonNode was, JsonNode now) {
            if (lines.lineOf(mapping.start()) != lines.lineOf(mapping.end() - 1)) {
                return false;
            }
            List<String> keys = names(was);
            Map<Integer, List<String>> insertions = insertions(keys, now);
            StringJoiner pairs = new StringJoiner(", ", "{", "}");
            for (String key : insertions.getOrDefault(-1, List.of())) {
                if (!now.get(key).isValueNode()) {
                    return false;
                }
                pairs.add(YamlScalars.string(key, true) + ": " + YamlScalars.render(now.get(key), true));
            }
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                Entry entry = mapping.entries().get(i);
                JsonNode value = now.get(key);
                if (value != null) {
                    if (!value.isValueNode() || !(entry.value() instanceof Scalar scalar)) {
                        return false;
                    }
                    String valueText = EditCheck.equivalent(value, was.get(key))
                            ? text.substring(scalar.start(), scalar.end()) : scalar(value, scalar.style(), true);
                    pairs.add(text.substring(entry.key().start(), entry.key().end()) + ": " + valueText);
                }
                for (String added : insertions.getOrDefault(i, List.of())) {
                    if (!now.get(added).isValueNode()) {
                        return false;
                    }
                    pairs.add(YamlScalars.string(added, true) + ": " + YamlScalars.render(now.get(added), true));
                }
            }
            return replace(mapping.start(), mapping.end(), pairs.toString());
        }

        /** A key and its value written out again, from the key to the value's last line. */
        private void rewriteEntry(Entry entry, String key, JsonNode value, int column, String parent) {
            String rendered = BlockYamlWriter.entry(key, value, column, layout, EntryRenderer::flowAllowed, parent);
            replace(entry.key().start(), lines.end(last(entry)), withoutEnds(rendered, column));
        }

        /** A list item written out again, from its {@code -} to its last line. */
        private boolean rewriteItem(Sequence sequence, int index, JsonNode value, String pointer) {
            int dashLine = sequence.dashLines().get(index);
            if (!dashStartsLine(sequence, dashLine)) {
                return false;
            }
            int dash = lines.start(dashLine) + lines.indent(dashLine);
            String rendered = BlockYamlWriter.sequenceItem(value, sequence.column(), layout, EntryRenderer::flowAllowed,
                    pointer);
            return replace(dash, lines.end(sequence.items().get(index).lastLine()), withoutEnds(rendered, sequence.column()));
        }

        /** Rendered lines without the first line's indentation (the edit starts at the key) and the last line break. */
        private String withoutEnds(String rendered, int indentation) {
            return rendered.substring(indentation, rendered.length() - layout.eol().length());
        }

        /** A changed scalar in its old quoting style where that can hold the value. */
        private static String scalar(JsonNode value, ScalarStyle style, boolean flow) {
            if (!value.isTextual()) {
                return YamlScalars.render(value, flow);
            }
            String string = value.textValue();
            if (style == ScalarStyle.DOUBLE_QUOTED) {
                return doubleQuoted(string);
            }
            if (style == ScalarStyle.SINGLE_QUOTED) {
                return singleQuotable(string) ? "'" + string.replace("'", "''") + "'" : doubleQuoted(string);
            }
            return YamlScalars.string(string, flow);
        }

        private static boolean singleQuotable(String value) {
            return value.codePoints().noneMatch(YamlScalars::needsEscape);
        }

        private static String doubleQuoted(String value) {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            value.codePoints().forEach(c -> {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case 0 -> out.append("\\0");
                    default -> {
                        if (YamlScalars.needsEscape(c)) {
                            out.append(c > 0xFFFF ? String.format("\\U%08X", c) : String.format("\\u%04X", c));
                        } else {
                            out.appendCodePoint(c);
                        }
                    }
                }
            });
            return out.append('"').toString();
        }

        /** What list items are matched by: their name where they have one, else their value. */
        private static String itemKey(JsonNode item) {
            JsonNode name = item.get("name");
            if (item.isObject() && name != null && name.isTextual()) {
                return "name:" + name.textValue();
            }
            if (item.isNumber()) {
                return "number:" + item.decimalValue().stripTrailingZeros().toPlainString();
            }
            return item.getNodeType() + ":" + item;
        }

        /** Whether the line holds the list's {@code -} first, at the list's column. */
        private boolean dashStartsLine(Sequence sequence, int dashLine) {
            int dash = lines.start(dashLine) + lines.indent(dashLine);
            return lines.indent(dashLine) == sequence.column() && dash < text.length() && text.charAt(dash) == '-';
        }

        private int last(Entry entry) {
            return Math.max(entry.key().lastLine(), entry.value().lastLine());
        }

        /** Whether only spaces come before {@code offset} on its line. */
        private boolean startsLine(int offset) {
            int start = lines.start(lines.lineOf(offset));
            for (int i = start; i < offset; i++) {
                if (text.charAt(i) != ' ') {
                    return false;
                }
            }
            return true;
        }

        /** The last line that belongs with content ending at {@code line}: comments indented deeper than {@code column} after it. */
        private int owned(int line, int column) {
            int owned = line;
            for (int next = line + 1; next < lines.count(); next++) {
                if (lines.blank(next)) {
                    continue;
                }
                if (!lines.comment(next) || lines.indent(next) <= column) {
                    break;
                }
                owned = next;
            }
            return owned;
        }

        /** Lines {@code from..to} go, with their line breaks; at the end of a file without a final newline, the one before. */
        private void removeLines(int from, int to) {
            if (lines.lineBreak(to).isEmpty() && from > 0) {
                replace(lines.end(from - 1), lines.end(to), "");
            } else {
                replace(lines.start(from), lines.next(to), "");
            }
        }

        /** {@code added} (whole lines) after line {@code line}; after a last line without a line break, before the break it gets. */
        private void insertAfterLine(int line, String added) {
            if (lines.lineBreak(line).isEmpty()) {
                insert(lines.end(line), layout.eol() + added.substring(0, added.length() - layout.eol().length()));
            } else {
                insert(lines.next(line), added);
            }
        }

        private void insert(int at, String added) {
            replace(at, at, added);
        }

        private boolean replace(int start, int end, String replacement) {
            edits.add(new Edit(start, end, replacement));
            return true;
        }

        /** The text with every edit made; edits at one place in the order planned, insertions before removals. */
        String apply() {
            List<Edit> ordered = new ArrayList<>(edits);
            ordered.sort(Comparator.comparingInt(Edit::start).thenComparingInt(e -> e.end() > e.start() ? 1 : 0));
            StringBuilder out = new StringBuilder(text.length() + 256);
            int at = 0;
            for (Edit edit : ordered) {
                if (edit.start() < at) {
                    throw new IllegalStateException("overlapping edits at offset " + edit.start());
                }
                out.append(text, at, edit.start()).append(edit.text());
                at = edit.end();
            }
            return out.append(text, at, text.length()).toString();
        }

        private static List<String> names(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    /** The longest common subsequence of two short lists, as index pairs in order. */
    static final class Lcs {

        private Lcs() {
        }

        static List<int[]> matches(List<String> a, List<String> b) {
            int[][] table = new int[a.size() + 1][b.size() + 1];
            for (int i = a.size() - 1; i >= 0; i--) {
                for (int j = b.size() - 1; j >= 0; j--) {
                    table[i][j] = a.get(i).equals(b.get(j)) ? table[i + 1][j + 1] + 1
                            : Math.max(table[i + 1][j], table[i][j + 1]);
                }
            }
            List<int[]> matches = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < a.size() && j < b.size()) {
                if (a.get(i).equals(b.get(j))) {
                    matches.add(new int[] {i++, j++});
                } else if (table[i + 1][j] >= table[i][j + 1]) {
                    i++;
                } else {
                    j++;
                }
            }
            return matches;
        }
    }
}
