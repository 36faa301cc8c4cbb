package com.company.onboarding.servicesyaml;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.Utf8;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Adds one entry to the end of the {@code services:} list of a {@code services.yaml} text
 * without touching any other byte (docs/library-notes.md#editing-yaml-as-text).
 *
 * <p>The new item goes after the last item's last line (and after comments indented deeper than
 * the items' {@code -}, which belong to that item), so comments at the items' column or at column
 * 0 that follow the list, such as a block of comments closing the file, stay after it. It is
 * written in the file's indentation and line endings; if the items are separated by blank lines
 * one blank line precedes it; the file keeps its final newline or its lack of one. A flow list
 * ({@code services: []}) or a null value is rewritten as a block list, for that key only. A file
 * without {@code services} gets the key, with the item, after its last content.
 *
 * <p>The result is parsed again and must hold the old services plus exactly the new entry,
 * every other top-level key unchanged; otherwise {@link EditNotVerifiedException}: an edit is
 * never returned unverified.
 */
public final class ServicesYamlEditor {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ParseLimits limits;

    public ServicesYamlEditor() {
        this(ParseLimits.DEFAULT);
    }

    public ServicesYamlEditor(ParseLimits limits) {
        this.limits = limits;
    }

    /** Edits the file's bytes (strict UTF-8; a byte order mark is kept). */
    public ServicesEdit append(byte[] file, ServiceEntry entry) throws UnsafeEditException {
        boolean bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF;
        try {
            return append((bom ? String.valueOf(BYTE_ORDER_MARK) : "") + Utf8.decode(file), entry);
        } catch (DocumentException e) {
            throw new UnsafeEditException("the file is not UTF-8 (" + e.getMessage() + ")", 0);
        }
    }

    /**
     * @throws UnsafeEditException     when the file cannot be edited safely; the reason names the line
     * @throws EditNotVerifiedException when the edited text does not parse back as expected (a bug)
     */
    public ServicesEdit append(String fileText, ServiceEntry entry) throws UnsafeEditException {
        boolean bom = !fileText.isEmpty() && fileText.charAt(0) == BYTE_ORDER_MARK;
        String text = bom ? fileText.substring(1) : fileText;
        checkLineBreaks(text);
        TextLines lines = new TextLines(text);
        checkIndentation(lines);
        JsonNode before = parse(text);
        ServicesYamlOutline outline = ServicesYamlOutline.of(lines);
        ObjectNode expected = EntryTree.of(entry);
        Splice splice = switch (outline.form) {
            case BLOCK -> appendItem(lines, outline, expected);
            case EMPTY -> appendFirstItem(lines, outline, expected);
            case FLOW, NULL_LITERAL -> rewriteAsBlock(lines, outline, expected);
            case MISSING -> addKey(lines, outline, expected);
        };
        verify(before, splice.text(), expected);
        return new ServicesEdit(bom ? BYTE_ORDER_MARK + splice.text() : splice.text(), splice.kind(),
                lineNumber(splice.text(), splice.itemOffset()));
    }

    /** The new text, its kind, and where the new item's {@code -} line starts in it. */
    private record Splice(String text, ServicesEdit.Kind kind, int itemOffset) {
    }

    private Splice appendItem(TextLines lines, ServicesYamlOutline outline, ObjectNode expected)
            throws UnsafeEditException {
        List<ServicesYamlOutline.Item> items = outline.items;
        ServicesYamlOutline.Item last = items.get(items.size() - 1);
        int anchor = ownedThrough(lines, last.lastLine(), outline.dashColumn);
        checkNoTabs(lines, outline.keyLine, anchor);
        boolean separated = false;
        ServicesYamlOutline.Ending ending = anchor == last.lastLine() ? last.ending() : ServicesYamlOutline.Ending.PLAIN;
        if (items.size() >= 2 && ending != ServicesYamlOutline.Ending.KEPT) {
            ServicesYamlOutline.Item previous = items.get(items.size() - 2);
            for (int line = ownedThrough(lines, previous.lastLine(), outline.dashColumn) + 1;
                    line < last.dashLine() && !separated; line++) {
                separated = lines.blank(line);
            }
        }
        int keyOffset = last.keyOffset() >= 2 ? last.keyOffset() : 2;
        int sequenceIndent = outline.sequenceIndent() >= 0 ? outline.sequenceIndent() : outline.dashColumn - outline.keyColumn;
        int fallbackStep = outline.dashColumn > outline.keyColumn ? outline.dashColumn - outline.keyColumn : 2;
        YamlLayout layout = new YamlLayout(outline.dashColumn, keyOffset, step(outline, fallbackStep), sequenceIndent,
                lineEnding(lines, anchor));
        String item = EntryRenderer.render(expected, layout);
        return insertAfter(lines, outline, anchor, ending, separated ? layout.eol() : "", item, ServicesEdit.Kind.APPENDED);
    }

    private Splice appendFirstItem(TextLines lines, ServicesYamlOutline outline, ObjectNode expected)
            throws UnsafeEditException {
        int anchor = ownedThrough(lines, outline.keyLine, outline.keyColumn);
        checkNoTabs(lines, outline.keyLine, anchor);
        String item = EntryRenderer.render(expected, newListLayout(lines, outline, anchor));
        return insertAfter(lines, outline, anchor, ServicesYamlOutline.Ending.PLAIN, "", item, ServicesEdit.Kind.APPENDED);
    }

    private Splice addKey(TextLines lines, ServicesYamlOutline outline, ObjectNode expected)
            throws UnsafeEditException {
        String text = lines.text();
        int anchor;
        if (outline.rootPresent) {
            anchor = ownedThrough(lines, outline.lastLine(), outline.rootColumn);
        } else if (text.isEmpty()) {
            // A new file ends with a line break, like every file git and editors write.
            String key = "services:\n";
            return new Splice(key + EntryRenderer.render(expected, YamlLayout.DEFAULT), ServicesEdit.Kind.KEY_ADDED,
                    key.length());
        } else {
            anchor = text.endsWith("\n") ? lines.count() - 2 : lines.count() - 1;
        }
        YamlLayout layout = newListLayout(lines, outline, anchor);
        String key = " ".repeat(outline.rootColumn) + "services:" + layout.eol();
        ServicesYamlOutline.Ending ending = outline.rootPresent && anchor == outline.lastLine()
                ? outline.lastEnding() : ServicesYamlOutline.Ending.PLAIN;
        Splice splice = insertAfter(lines, outline, anchor, ending, key, EntryRenderer.render(expected, layout),
                ServicesEdit.Kind.KEY_ADDED);
        return new Splice(splice.text(), splice.kind(), splice.itemOffset() + key.length());
    }

    /** {@code services: []}, {@code services: [{name: a}]} or {@code services: null} as a block list. */
    private Splice rewriteAsBlock(TextLines lines, ServicesYamlOutline outline, ObjectNode expected)
            throws UnsafeEditException {
        String text = lines.text();
        ServicesYamlOutline.Span value = outline.value;
        int lastLine = lines.lineOf(value.end() - 1);
        checkNoTabs(lines, outline.keyLine, lastLine);
        int gapStart = value.start() + 1;
        for (ServicesYamlOutline.Span item : outline.flowItems) {
            if (lines.lineOf(item.start()) != lines.lineOf(item.end() - 1)) {
                throw new UnsafeEditException("services is a flow list with an item written over several lines;"
                        + " write the list in block style", lines.lineOf(item.start()) + 1);
            }
            checkFlowGap(lines, gapStart, item.start());
            gapStart = item.end();
        }
        if (outline.form == ServicesYamlOutline.Form.FLOW) {
            checkFlowGap(lines, gapStart, value.end() - 1);
        }
        YamlLayout layout = newListLayout(lines, outline, lastLine);
        String eol = layout.eol();
        StringBuilder block = new StringBuilder();
        for (ServicesYamlOutline.Span item : outline.flowItems) {
            block.append(" ".repeat(layout.itemIndent())).append("- ").append(text, item.start(), item.end()).append(eol);
        }
        int itemStart = block.length();
        block.append(EntryRenderer.render(expected, layout));
        boolean lastLineBreaks = !lines.lineBreak(lastLine).isEmpty();
        if (!lastLineBreaks) {
            block.setLength(block.length() - eol.length());
        }
        String head = text.substring(0, value.start()).stripTrailing();
        String rest = text.substring(value.end(), lines.end(lastLine)).stripTrailing();
        String result = head + rest + eol + block + text.substring(lines.next(lastLine));
        return new Splice(result, ServicesEdit.Kind.REWRITTEN, head.length() + rest.length() + eol.length() + itemStart);
    }

    /**
     * Inserts {@code separator + item} after line {@code anchor}, keeping the final newline or
     * its absence; {@code ending} is what ends on the anchor line.
     */
    private static Splice insertAfter(TextLines lines, ServicesYamlOutline outline, int anchor,
            ServicesYamlOutline.Ending ending, String separator, String item, ServicesEdit.Kind kind)
            throws UnsafeEditException {
        String text = lines.text();
        int at = lines.next(anchor);
        if (outline.documentEnd >= 0 && at > outline.documentEnd) {
            throw new UnsafeEditException("the document ends with '...' before the place the entry goes",
                    lines.lineOf(outline.documentEnd) + 1);
        }
        String eol = lineEnding(lines, anchor);
        String insertion;
        int itemOffset;
        if (lines.lineBreak(anchor).isEmpty() && ending != ServicesYamlOutline.Ending.PLAIN) {
            throw new UnsafeEditException("the file ends in a block scalar (|) without a final line break;"
                    + " a line break after it would change its value", anchor + 1);
        }
        if (lines.lineBreak(anchor).isEmpty()) {
            // The anchor is the last line and has no line break: neither will the new last line.
            insertion = eol + separator + item.substring(0, item.length() - eol.length());
            itemOffset = at + eol.length() + separator.length();
        } else {
            insertion = separator + item;
            itemOffset = at + separator.length();
        }
        return new Splice(text.substring(0, at) + insertion + text.substring(at), kind, itemOffset);
    }

    /**
     * The last line that belongs with content ending at {@code line}: comment lines indented
     * deeper than {@code column} after it (blank lines between allowed) still belong to it; the
     * first comment at {@code column} or less, or any other content, starts what follows.
     */
    private static int ownedThrough(TextLines lines, int line, int column) {
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

    /** Layout of a list the file does not have yet: items one step under the key. */
    private static YamlLayout newListLayout(TextLines lines, ServicesYamlOutline outline, int anchor) {
        int step = step(outline, 2);
        int sequenceIndent = outline.sequenceIndent() >= 0 ? outline.sequenceIndent() : step;
        int keyColumn = outline.form == ServicesYamlOutline.Form.MISSING ? outline.rootColumn : outline.keyColumn;
        return new YamlLayout(keyColumn + sequenceIndent, 2, step, sequenceIndent, lineEnding(lines, anchor));
    }

    private static int step(ServicesYamlOutline outline, int fallback) {
        int step = outline.step();
        return step >= 1 && step <= 16 ? step : fallback;
    }

    /** The anchor line's own line ending, else the file's first, else LF. */
    private static String lineEnding(TextLines lines, int anchor) {
        String own = anchor >= 0 ? lines.lineBreak(anchor) : "";
        if (!own.isEmpty()) {
            return own;
        }
        return lines.count() > 1 ? lines.lineBreak(0) : "\n";
    }

    private JsonNode parse(String text) throws UnsafeEditException {
        try {
            return YamlTrees.read(text, limits);
        } catch (DocumentException e) {
            if (e.kind() == DocumentException.Kind.EMPTY) {
                return YamlTrees.NODES.nullNode();
            }
            throw new UnsafeEditException(switch (e.kind()) {
                case ALIAS -> "anchors and aliases are not supported (" + e.getMessage() + ")";
                case TAG -> "explicit tags are not supported (" + e.getMessage() + ")";
                case MULTIPLE_DOCUMENTS -> "the file holds more than one YAML document";
                default -> "the file does not parse: " + e.getMessage();
            }, e.line());
        }
    }

    /** Only LF and CRLF: a lone CR, NEL, LS or PS breaks lines for some readers and not for others. */
    static void checkLineBreaks(String text) throws UnsafeEditException {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                throw new UnsafeEditException("a carriage return without a line feed", line);
            } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new UnsafeEditException(String.format("a U+%04X line separator, which YAML readers treat differently", (int) c), line);
            }
        }
    }

    /** Tabs in indentation make columns ambiguous, and the edit works by columns. */
    static void checkIndentation(TextLines lines) throws UnsafeEditException {
        for (int line = 0; line < lines.count(); line++) {
            int first = lines.start(line) + lines.indent(line);
            if (first < lines.end(line) && lines.text().charAt(first) == '\t') {
                throw new UnsafeEditException("a tab in the indentation", line + 1);
            }
        }
    }

    /** No tab at all in the part of the file the edit reads columns from. */
    private static void checkNoTabs(TextLines lines, int from, int to) throws UnsafeEditException {
        int start = lines.start(Math.max(from, 0));
        int tab = lines.text().indexOf('\t', start);
        if (tab >= 0 && tab < lines.next(Math.min(to, lines.count() - 1))) {
            throw new UnsafeEditException("a tab in the services list", lines.lineOf(tab) + 1);
        }
    }

    /** Between flow items only commas and spaces: a comment there would be lost by the rewrite. */
    private static void checkFlowGap(TextLines lines, int from, int to) throws UnsafeEditException {
        for (int i = from; i < to; i++) {
            char c = lines.text().charAt(i);
            if (c != ',' && !Character.isWhitespace(c)) {
                throw new UnsafeEditException("services is a flow list with comments inside; write it in block style",
                        lines.lineOf(i) + 1);
            }
        }
    }

    private void verify(JsonNode before, String text, ObjectNode expected) {
        JsonNode after;
        try {
            after = YamlTrees.read(text, limits);
        } catch (DocumentException e) {
            throw new EditNotVerifiedException("the edited file does not parse: " + e.describe());
        }
        String difference = EditCheck.difference(before, after, expected);
        if (difference != null) {
            throw new EditNotVerifiedException("the edited file differs from the old services plus the new entry: "
                    + difference);
        }
    }

    private static int lineNumber(String text, int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
