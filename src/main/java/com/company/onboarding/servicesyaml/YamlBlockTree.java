package com.company.onboarding.servicesyaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * One item of the {@code services:} list as a tree of positions: where each scalar starts and
 * ends and how it is quoted, where each mapping entry's key is, which line each list item's
 * {@code -} is on, and the last line each node's content reaches. What an edit needs to change
 * a value in place or take exactly a key's lines. Read from SnakeYAML's events; the text must
 * already have passed {@code YamlTrees} (one document, no anchors, aliases or tags, scalar keys).
 */
final class YamlBlockTree {

    /** A node and the last line its content reaches (comments after it not counted). */
    sealed interface Node permits Scalar, Mapping, Sequence {
        int start();

        int lastLine();
    }

    /**
     * @param start offset of its first character (the quote of a quoted scalar, the {@code |} of a block scalar)
     * @param end   offset just after it; for a block scalar, after its last content character
     */
    record Scalar(int start, int end, ScalarStyle style, String value, int lastLine) implements Node {

        /** A plain scalar written on one line, or a quoted one: can be replaced by its span. */
        boolean inline(TextLines lines) {
            boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
            return !block && end > start && lines.lineOf(start) == lines.lineOf(end - 1);
        }
    }

    /** A key and its value. {@code key.start()} is where the key's text starts. */
    record Entry(Scalar key, Node value) {
    }

    /**
     * @param end     offset just after {@code }} of a flow mapping; -1 for a block mapping
     * @param column  the column of its keys (block mappings)
     */
    record Mapping(int start, int end, boolean flow, int column, List<Entry> entries, int lastLine) implements Node {
    }

    /**
     * @param end       offset just after {@code ]} of a flow list; -1 for a block list
     * @param column    the column of its {@code -} (block lists)
     * @param dashLines the line of each item's {@code -} (block lists)
     */
    record Sequence(int start, int end, boolean flow, int column, List<Node> items, List<Integer> dashLines,
            int lastLine) implements Node {
    }

    /**
     * One item of the {@code services} block list and what an edit of it needs to write new lines
     * the way the file does.
     *
     * @param column         the column of the items' {@code -}
     * @param dashLine       the line of this item's {@code -}
     * @param item           the item
     * @param step           how much deeper nested mapping keys are than their key, as the file does it; 0 if unseen
     * @param sequenceIndent how much deeper a nested list's {@code -} is than its key; -1 if unseen
     */
    record Services(int column, int dashLine, Node item, int step, int sequenceIndent) {
    }

    private final TextLines lines;
    private final Parser parser;
    private boolean inServices;
    private int servicesStep;
    private int servicesSequenceIndent = -1;
    private int otherStep;
    private int otherSequenceIndent = -1;

    private YamlBlockTree(TextLines lines) {
        this.lines = lines;
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setCodePointLimit(Integer.MAX_VALUE);
        this.parser = new ParserImpl(new StreamReader(new StringReader(lines.text())), options);
    }

    /**
     * Item {@code index} of the top-level {@code services} list. The items before it are walked
     * without building anything (only to find where this one's {@code -} is and how the file
     * indents); the file after it is not read at all.
     *
     * @throws UnsafeEditException when {@code services} is not a block list holding that item
     */
    static Services servicesItem(TextLines lines, int index) throws UnsafeEditException {
        return new YamlBlockTree(lines).services(index);
    }

    private Services services(int index) throws UnsafeEditException {
        parser.getEvent(); // stream start
        parser.getEvent(); // document start
        Event root = parser.getEvent();
        if (!root.is(Event.ID.MappingStart) || ((CollectionStartEvent) root).isFlow()) {
            throw new UnsafeEditException("the file is not a block mapping with a services key", 1);
        }
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            ScalarEvent key = (ScalarEvent) parser.getEvent();
            Event value = parser.getEvent();
            if (!key.getValue().equals("services")) {
                skip(value, key.getStartMark().getColumn());
                continue;
            }
            if (!value.is(Event.ID.SequenceStart) || ((CollectionStartEvent) value).isFlow()) {
                throw new UnsafeEditException("services is not a block list (- name: ...); write it in block style",
                        value.getStartMark().getLine() + 1);
            }
            inServices = true;
            int column = value.getStartMark().getColumn();
            int previousLast = -1;
            for (int i = 0; !parser.checkEvent(Event.ID.SequenceEnd); i++) {
                Event item = parser.getEvent();
                int dashLine = previousLast < 0 ? value.getStartMark().getLine() : nextContentLine(previousLast + 1);
                if (i == index) {
                    Node node = node(item);
                    return new Services(column, dashLine, node, servicesStep > 0 ? servicesStep : otherStep,
                            servicesSequenceIndent >= 0 ? servicesSequenceIndent : otherSequenceIndent);
                }
                previousLast = skip(item, -1);
            }
            throw new UnsafeEditException("services has no item " + (index + 1), value.getStartMark().getLine() + 1);
        }
        throw new UnsafeEditException("the file has no services list", 1);
    }

    /**
     * Walks a node without building it, noting how nested block collections under a key at
     * {@code keyColumn} (-1 when the node is not a block mapping's value) are indented; returns
     * its last content line.
     */
    private int skip(Event event, int keyColumn) {
        if (event instanceof ScalarEvent scalar) {
            return scalar(scalar).lastLine();
        }
        CollectionStartEvent collection = (CollectionStartEvent) event;
        boolean sequence = event.is(Event.ID.SequenceStart);
        if (!collection.isFlow() && keyColumn >= 0) {
            indentation(sequence, event.getStartMark().getColumn() - keyColumn);
        }
        int last = event.getStartMark().getLine();
        Event.ID endId = sequence ? Event.ID.SequenceEnd : Event.ID.MappingEnd;
        while (!parser.checkEvent(endId)) {
            Event child = parser.getEvent();
            if (sequence) {
                last = Math.max(last, skip(child, -1));
            } else {
                last = Math.max(last, scalar((ScalarEvent) child).lastLine());
                last = Math.max(last, skip(parser.getEvent(), collection.isFlow() ? -1 : child.getStartMark().getColumn()));
            }
        }
        Event end = parser.getEvent();
        return collection.isFlow() ? lines.lineOf(lines.offset(end.getEndMark()) - 1) : last;
    }

    private void indentation(boolean sequence, int columns) {
        if (sequence && columns >= 0) {
            if (inServices && servicesSequenceIndent < 0) {
                servicesSequenceIndent = columns;
            } else if (!inServices && otherSequenceIndent < 0) {
                otherSequenceIndent = columns;
            }
        } else if (!sequence && columns > 0) {
            if (inServices && servicesStep == 0) {
                servicesStep = columns;
            } else if (!inServices && otherStep == 0) {
                otherStep = columns;
            }
        }
    }

    private Node node(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar(scalar);
        }
        return collection((CollectionStartEvent) event);
    }

    /** A mapping or a list, built. */
    private Node collection(CollectionStartEvent start) {
        int startOffset = lines.offset(start.getStartMark());
        int column = start.getStartMark().getColumn();
        boolean flow = start.isFlow();
        int lastLine = lines.lineOf(startOffset);
        if (start.is(Event.ID.MappingStart)) {
            List<Entry> entries = new ArrayList<>();
            int keyColumn = -1;
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                ScalarEvent keyEvent = (ScalarEvent) parser.getEvent();
                Scalar key = scalar(keyEvent);
                if (keyColumn < 0) {
                    keyColumn = keyEvent.getStartMark().getColumn();
                }
                Event valueEvent = parser.getEvent();
                if (!flow && valueEvent instanceof CollectionStartEvent nested && !nested.isFlow()) {
                    indentation(nested.is(Event.ID.SequenceStart), nested.getStartMark().getColumn() - keyColumn);
                }
                Node value = node(valueEvent);
                entries.add(new Entry(key, value));
                lastLine = Math.max(lastLine, Math.max(key.lastLine(), value.lastLine()));
            }
            Event end = parser.getEvent();
            int endOffset = flow ? lines.offset(end.getEndMark()) : -1;
            if (flow) {
                lastLine = lines.lineOf(endOffset - 1);
            }
            return new Mapping(startOffset, endOffset, flow, keyColumn, List.copyOf(entries), lastLine);
        }
        List<Node> items = new ArrayList<>();
        List<Integer> dashLines = new ArrayList<>();
        int previousLast = -1;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            Event event = parser.getEvent();
            if (!flow) {
                dashLines.add(previousLast < 0 ? lines.lineOf(startOffset) : nextContentLine(previousLast + 1));
            }
            Node item = node(event);
            items.add(item);
            previousLast = item.lastLine();
            lastLine = Math.max(lastLine, previousLast);
        }
        Event end = parser.getEvent();
        int endOffset = flow ? lines.offset(end.getEndMark()) : -1;
        if (flow) {
            lastLine = lines.lineOf(endOffset - 1);
        }
        return new Sequence(startOffset, endOffset, flow, column, List.copyOf(items), List.copyOf(dashLines), lastLine);
    }

    /** Between two items there are only blank and comment lines: the next other line holds the {@code -}. */
    private int nextContentLine(int line) {
        while (line < lines.count() && (lines.blank(line) || lines.comment(line))) {
            line++;
        }
        return line;
    }

    /**
     * A block scalar's end mark lies past the line breaks it consumed: its content ends at its
     * last non-blank character (with keep chomping, its kept blank lines belong to it too).
     */
    private Scalar scalar(ScalarEvent event) {
        int start = lines.offset(event.getStartMark());
        int end = lines.offset(event.getEndMark());
        ScalarStyle style = event.getScalarStyle();
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            String text = lines.text();
            int header = start + 1;
            boolean keep = false;
            while (header < text.length() && "0123456789+-".indexOf(text.charAt(header)) >= 0) {
                keep |= text.charAt(header) == '+';
                header++;
            }
            while (end > header && (keep ? text.charAt(end - 1) == ' ' : Character.isWhitespace(text.charAt(end - 1)))) {
                end--;
            }
        }
        int lastLine = end > start ? lines.lineOf(end - 1) : lines.lineOf(start);
        return new Scalar(start, end, style, event.getValue(), lastLine);
    }
}
