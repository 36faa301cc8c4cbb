package com.company.onboarding.servicesyaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Where things are in a {@code services.yaml} text: the {@code services} key, the form of its
 * value, the lines of its items, and how the file indents nested mappings and lists. Read from
 * SnakeYAML's events and their marks; the text must already have passed {@code YamlTrees}
 * (one document, no anchors, aliases or tags), so every event here is a plain scalar or a
 * collection.
 */
final class ServicesYamlOutline {

    /** The value of the {@code services} key. */
    enum Form {
        /** No {@code services} key (or no document at all). */
        MISSING,
        /** A block list: {@code - name: ...} items. */
        BLOCK,
        /** A flow list: {@code []} or {@code [{name: a}]}. */
        FLOW,
        /** Nothing after {@code services:} (null). */
        EMPTY,
        /** {@code null} or {@code ~} written out. */
        NULL_LITERAL
    }

    /** What ends on a last content line, as far as the line breaks after it matter. */
    enum Ending {
        /** A value that line breaks and blank lines after it do not change. */
        PLAIN,
        /** A block scalar with clip chomping ({@code |}): the line break after its last line is part of it. */
        CLIPPED,
        /** A block scalar with keep chomping ({@code |+}): every line break and blank line after it is part of it. */
        KEPT
    }

    /**
     * One item of a block list.
     *
     * @param dashLine  the line of its {@code -}
     * @param lastLine  its last line holding content (comments after it not counted)
     * @param ending    what ends on that line
     * @param keyOffset columns from the {@code -} to the item's first key, 0 when the item is
     *                  not a block mapping starting on the {@code -} line
     */
    record Item(int dashLine, int lastLine, Ending ending, int keyOffset) {
    }

    /** Character offsets {@code [start, end)}. */
    record Span(int start, int end) {
    }

    private static final Pattern NULL_LITERAL = Pattern.compile("~|null|Null|NULL");

    private final TextLines lines;
    private final Parser parser;

    Form form = Form.MISSING;
    boolean rootPresent;
    int rootColumn;
    int keyLine = -1;
    int keyColumn;
    int dashColumn;
    final List<Item> items = new ArrayList<>();
    Span value;
    final List<Span> flowItems = new ArrayList<>();
    /** Offset of an explicit document end marker ({@code ...}), -1 when there is none. */
    int documentEnd = -1;

    private int lastLine = -1;
    private Ending lastEnding = Ending.PLAIN;
    private boolean inServices;
    private int servicesStep;
    private int servicesSequenceIndent = -1;
    private int otherStep;
    private int otherSequenceIndent = -1;

    private ServicesYamlOutline(TextLines lines) {
        this.lines = lines;
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setCodePointLimit(Integer.MAX_VALUE);
        this.parser = new ParserImpl(new StreamReader(new StringReader(lines.text())), options);
    }

    static ServicesYamlOutline of(TextLines lines) throws UnsafeEditException {
        ServicesYamlOutline outline = new ServicesYamlOutline(lines);
        outline.stream();
        return outline;
    }

    /** Last line of the document holding content. */
    int lastLine() {
        return lastLine;
    }

    Ending lastEnding() {
        return lastEnding;
    }

    /** How much deeper nested mapping keys are than their key, as the file does it; 0 if unseen. */
    int step() {
        return servicesStep > 0 ? servicesStep : otherStep;
    }

    /** How much deeper a nested list's {@code -} is than its key, as the file does it; -1 if unseen. */
    int sequenceIndent() {
        return servicesSequenceIndent >= 0 ? servicesSequenceIndent : otherSequenceIndent;
    }

    private void stream() throws UnsafeEditException {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return;
        }
        parser.getEvent(); // document start
        Event root = parser.getEvent();
        if (root instanceof ScalarEvent scalar && scalar.isPlain() && scalar.getValue().isEmpty()) {
            // "---" and comments only: a document without content.
        } else if (root.is(Event.ID.MappingStart) && !((CollectionStartEvent) root).isFlow()) {
            rootPresent = true;
            rootColumn = root.getStartMark().getColumn();
            rootMapping();
        } else {
            throw new UnsafeEditException(root.is(Event.ID.MappingStart)
                    ? "the file is a flow mapping ({...}); write it in block style"
                    : "the file is not a mapping with a services key", root.getStartMark().getLine() + 1);
        }
        Event end = parser.getEvent();
        if (end instanceof DocumentEndEvent documentEndEvent && documentEndEvent.getExplicit()) {
            documentEnd = lines.offset(end.getStartMark());
        }
    }

    private void rootMapping() throws UnsafeEditException {
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            ScalarEvent key = (ScalarEvent) parser.getEvent();
            node(key, -1);
            if (key.getValue().equals("services")) {
                if (key.getStartMark().getColumn() != rootColumn) {
                    throw new UnsafeEditException("the services key is written as an explicit key (? services)",
                            key.getStartMark().getLine() + 1);
                }
                keyLine = key.getStartMark().getLine();
                keyColumn = key.getStartMark().getColumn();
                services(parser.getEvent());
            } else {
                node(parser.getEvent(), key.getStartMark().getColumn());
            }
        }
        parser.getEvent();
    }

    private void services(Event event) throws UnsafeEditException {
        int line = event.getStartMark().getLine() + 1;
        if (event instanceof ScalarEvent scalar) {
            node(scalar, -1);
            if (scalar.isPlain() && scalar.getValue().isEmpty()) {
                form = Form.EMPTY;
            } else if (scalar.isPlain() && NULL_LITERAL.matcher(scalar.getValue()).matches()) {
                form = Form.NULL_LITERAL;
                value = new Span(lines.offset(scalar.getStartMark()), lines.offset(scalar.getEndMark()));
            } else {
                throw new UnsafeEditException("services is a single value, not a list", line);
            }
            return;
        }
        if (event.is(Event.ID.MappingStart)) {
            throw new UnsafeEditException("services is a mapping, not a list", line);
        }
        if (((CollectionStartEvent) event).isFlow()) {
            flowServices(event);
        } else {
            blockServices(event);
        }
    }

    private void flowServices(Event start) {
        form = Form.FLOW;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Event item = parser.getEvent();
            int itemStart = lines.offset(item.getStartMark());
            flowItems.add(new Span(itemStart, node(item, -1)));
        }
        Event end = parser.getEvent();
        touch(end.getEndMark().getLine(), Ending.PLAIN);
        value = new Span(lines.offset(start.getStartMark()), lines.offset(end.getEndMark()));
    }

    private void blockServices(Event start) {
        form = Form.BLOCK;
        dashColumn = start.getStartMark().getColumn();
        inServices = true;
        int dashLine = start.getStartMark().getLine();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Event item = parser.getEvent();
            if (!items.isEmpty()) {
                // Between two items there are only blank and comment lines: the next other line holds the '-'.
                dashLine = items.get(items.size() - 1).lastLine() + 1;
                while (dashLine < lines.count() && (lines.blank(dashLine) || lines.comment(dashLine))) {
                    dashLine++;
                }
            }
            boolean mappingOnDashLine = item.is(Event.ID.MappingStart) && !((CollectionStartEvent) item).isFlow()
                    && item.getStartMark().getLine() == dashLine;
            int keyOffset = mappingOnDashLine ? item.getStartMark().getColumn() - dashColumn : 0;
            node(item, -1);
            items.add(new Item(dashLine, lastLine, lastEnding, keyOffset));
        }
        parser.getEvent();
        inServices = false;
    }

    /**
     * Walks one node, noting its last content line and the indentation of nested block
     * collections under a key at {@code keyColumn} (-1 when the node is not a mapping value).
     * Returns the offset just after a scalar or flow collection, -1 for a block collection.
     */
    private int node(Event event, int keyColumn) {
        if (event instanceof ScalarEvent scalar) {
            scalar(scalar);
            return lines.offset(scalar.getEndMark());
        }
        CollectionStartEvent collection = (CollectionStartEvent) event;
        boolean sequence = event.is(Event.ID.SequenceStart);
        if (!collection.isFlow() && keyColumn >= 0) {
            indentation(sequence, event.getStartMark().getColumn() - keyColumn);
        }
        Event.ID endId = sequence ? Event.ID.SequenceEnd : Event.ID.MappingEnd;
        while (!parser.checkEvent(endId)) {
            Event child = parser.getEvent();
            node(child, -1);
            if (!sequence) {
                node(parser.getEvent(), collection.isFlow() ? -1 : child.getStartMark().getColumn());
            }
        }
        Event end = parser.getEvent();
        if (!collection.isFlow()) {
            return -1; // a block collection's end mark sits at the next token, after any comments
        }
        touch(end.getEndMark().getLine(), Ending.PLAIN);
        return lines.offset(end.getEndMark());
    }

    private void indentation(boolean sequence, int columns) {
        if (sequence && columns >= 0) {
            if (inServices) {
                servicesSequenceIndent = columns;
            } else {
                otherSequenceIndent = columns;
            }
        } else if (!sequence && columns > 0) {
            if (inServices) {
                servicesStep = columns;
            } else {
                otherStep = columns;
            }
        }
    }

    /**
     * A block scalar's end mark lies past the line breaks it consumed: its content ends at the
     * last non-blank character, or, with keep chomping, after its last kept line break.
     */
    private void scalar(ScalarEvent scalar) {
        ScalarStyle style = scalar.getScalarStyle();
        if (style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED) {
            touch(scalar.getEndMark().getLine(), Ending.PLAIN);
            return;
        }
        String text = lines.text();
        int start = lines.offset(scalar.getStartMark());
        int header = start + 1;
        Ending ending = Ending.CLIPPED;
        while (header < text.length() && "0123456789+-".indexOf(text.charAt(header)) >= 0) {
            if (text.charAt(header) != '+' && text.charAt(header) != '-') {
                header++;
                continue;
            }
            ending = text.charAt(header++) == '+' ? Ending.KEPT : Ending.PLAIN;
        }
        boolean keep = ending == Ending.KEPT;
        int end = lines.offset(scalar.getEndMark());
        while (end > header && (keep ? text.charAt(end - 1) == ' ' : Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        touch(lines.lineOf(end - 1), ending);
    }

    private void touch(int line, Ending ending) {
        if (line >= lastLine) {
            lastLine = line;
            lastEnding = ending;
        }
    }
}
