package com.company.onboarding.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML document into a Jackson tree, from SnakeYAML's events, with limits.
 *
 * <p>Jackson's own YAML parser ignores SnakeYAML's alias, depth and duplicate-key options
 * and turns an alias into its anchor's name (docs/library-notes.md#yaml-and-json-parsing), so we walk the events ourselves:
 * anchors, aliases and explicit tags are refused, duplicate keys are refused with their
 * pointer, and depth is checked before it can exhaust the stack. Plain scalars are resolved
 * by the YAML 1.2 core schema (so {@code yes} and {@code on} stay strings, as in yq v4);
 * quoted scalars are always strings. Decimals keep their written scale ({@code 99.0}). The
 * characters YAML 1.1 and 1.2 read differently are refused where written as they are, with the
 * pointer of the node that holds them ({@link LineBreakCharacters}).
 */
public final class YamlTrees {

    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private YamlTrees() {
    }

    public static JsonNode read(byte[] bytes, ParseLimits limits) throws DocumentException {
        return read(Utf8.decode(bytes), limits);
    }

    public static JsonNode read(String text, ParseLimits limits) throws DocumentException {
        if (text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            throw new DocumentException(DocumentException.Kind.TOO_LARGE,
                    "document is larger than " + limits.maxCodePoints() + " characters", 0, 0, null);
        }
        int lineBreak = LineBreakCharacters.indexIn(text);
        if (lineBreak < 0) {
            return parse(text, limits, null);
        }
        // SnakeYAML would read it as a line break: read the text with a stand-in instead (as YAML 1.2
        // reads the character: text), so the refusal names the node that holds it (a comment has none).
        char[] placeholders = LineBreakCharacters.placeholders(text);
        try {
            parse(LineBreakCharacters.replaced(text, placeholders), limits, placeholders);
        } catch (DocumentException e) {
            if (e.kind() == DocumentException.Kind.CHARACTER) {
                throw new DocumentException(e.kind(), e.getMessage(), e.line(), e.column(),
                        LineBreakCharacters.restored(e.pointer(), placeholders));
            }
        }
        throw LineBreakCharacters.at(text, lineBreak, null);
    }

    private static JsonNode parse(String text, ParseLimits limits, char[] placeholders) throws DocumentException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxCodePoints());
        options.setProcessComments(false);
        Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        try {
            return new Walk(parser, limits, placeholders).document();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            throw new DocumentException(DocumentException.Kind.SYNTAX, problem,
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, null);
        } catch (YAMLException e) {
            // SnakeYAML raises the code point limit and a few stream errors without a mark.
            String message = String.valueOf(e.getMessage());
            DocumentException.Kind kind = message.contains("exceeds the limit")
                    ? DocumentException.Kind.TOO_LARGE : DocumentException.Kind.SYNTAX;
            throw new DocumentException(kind, message.lines().findFirst().orElse("invalid YAML"), 0, 0, null);
        }
    }

    private static final class Walk {
        private final Parser parser;
        private final ParseLimits limits;
        /** Stand for the refused characters of the text (null: none), see {@link YamlTrees#read(String, ParseLimits)}. */
        private final char[] placeholders;
        private boolean readingKey;

        Walk(Parser parser, ParseLimits limits, char[] placeholders) {
            this.parser = parser;
            this.limits = limits;
            this.placeholders = placeholders;
        }

        JsonNode document() throws DocumentException {
            expect(Event.ID.StreamStart);
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                throw new DocumentException(DocumentException.Kind.EMPTY, "the document is empty", 0, 0, null);
            }
            expect(Event.ID.DocumentStart);
            JsonNode root = node(1, "");
            expect(Event.ID.DocumentEnd);
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                Event next = parser.peekEvent();
                throw error(DocumentException.Kind.MULTIPLE_DOCUMENTS,
                        "only one YAML document is accepted", next.getStartMark(), null);
            }
            return root;
        }

        private JsonNode node(int depth, String pointer) throws DocumentException {
            Event event = parser.getEvent();
            if (event instanceof AliasEvent) {
                throw error(DocumentException.Kind.ALIAS, "YAML aliases are not accepted", event.getStartMark(), pointer);
            }
            if (event instanceof NodeEvent nodeEvent && nodeEvent.getAnchor() != null) {
                throw error(DocumentException.Kind.ALIAS, "YAML anchors are not accepted", event.getStartMark(), pointer);
            }
            if (event instanceof ScalarEvent scalar) {
                if (scalar.getTag() != null) {
                    throw error(DocumentException.Kind.TAG, "YAML tags are not accepted", event.getStartMark(), pointer);
                }
                return scalar(scalar, pointer);
            }
            if (event instanceof CollectionStartEvent collection) {
                if (collection.getTag() != null) {
                    throw error(DocumentException.Kind.TAG, "YAML tags are not accepted", event.getStartMark(), pointer);
                }
                if (depth > limits.maxDepth()) {
                    throw error(DocumentException.Kind.TOO_DEEP,
                            "nesting is deeper than " + limits.maxDepth() + " levels", event.getStartMark(), pointer);
                }
                return event.is(Event.ID.SequenceStart) ? sequence(depth, pointer) : mapping(depth, pointer);
            }
            throw error(DocumentException.Kind.SYNTAX, "unexpected " + event.getEventId(), event.getStartMark(), pointer);
        }

        private ArrayNode sequence(int depth, String pointer) throws DocumentException {
            ArrayNode array = NODES.arrayNode();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                array.add(node(depth + 1, pointer + "/" + array.size()));
            }
            parser.getEvent();
            return array;
        }

        private ObjectNode mapping(int depth, String pointer) throws DocumentException {
            ObjectNode object = NODES.objectNode();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                Event keyEvent = parser.peekEvent();
                if (!(keyEvent instanceof ScalarEvent)) {
                    throw error(DocumentException.Kind.SYNTAX, "mapping keys must be plain values",
                            keyEvent.getStartMark(), pointer);
                }
                JsonNode keyNode;
                readingKey = true;
                try {
                    keyNode = node(depth + 1, pointer);
                } finally {
                    readingKey = false;
                }
                String key = keyNode.isNull() ? "null" : keyNode.asText();
                String child = pointer + "/" + escape(key);
                lineBreaks(key, keyEvent.getStartMark(), child);
                if (object.has(key)) {
                    throw error(DocumentException.Kind.DUPLICATE_KEY, "duplicate key \"" + key + "\"",
                            keyEvent.getStartMark(), child);
                }
                object.set(key, node(depth + 1, child));
            }
            parser.getEvent();
            return object;
        }

        private JsonNode scalar(ScalarEvent scalar, String pointer) throws DocumentException {
            String value = scalar.getValue();
            if (value.length() > limits.maxStringLength()) {
                throw error(DocumentException.Kind.TOO_LARGE,
                        "a value is longer than " + limits.maxStringLength() + " characters", scalar.getStartMark(), pointer);
            }
            if (!readingKey) { // a key is checked by mapping(), with its own pointer
                lineBreaks(value, scalar.getStartMark(), pointer);
            }
            if (!scalar.isPlain()) {
                return NODES.textNode(value);
            }
            if (startsWithLetter(value)) {
                return wordScalar(value);
            }
            if (value.isEmpty() || value.equals("~")) { // the core schema's null spellings without a letter
                return NODES.nullNode();
            }
            boolean integer = DECIMAL_INT.matcher(value).matches();
            boolean octal = !integer && OCTAL_INT.matcher(value).matches();
            boolean hex = !integer && !octal && HEX_INT.matcher(value).matches();
            boolean floating = !integer && !octal && !hex && FLOAT.matcher(value).matches();
            if ((integer || octal || hex || floating) && value.length() > limits.maxNumberLength()) {
                throw error(DocumentException.Kind.TOO_LARGE,
                        "a number is longer than " + limits.maxNumberLength() + " characters", scalar.getStartMark(), pointer);
            }
            if (integer) {
                return integer(new BigInteger(value.startsWith("+") ? value.substring(1) : value));
            }
            if (octal) {
                return integer(new BigInteger(value.substring(2), 8));
            }
            if (hex) {
                return integer(new BigInteger(value.substring(2), 16));
            }
            if (floating) {
                BigDecimal decimal;
                try {
                    decimal = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
                } catch (NumberFormatException e) {
                    decimal = null; // an exponent beyond what BigDecimal holds
                }
                if (decimal == null || !limits.fitsWrittenOut(decimal)) {
                    throw error(DocumentException.Kind.TOO_LARGE, limits.writtenOutTooLong(), scalar.getStartMark(), pointer);
                }
                return NODES.numberNode(decimal);
            }
            // .inf and .nan have no JSON form: they stay the strings they are written as.
            return NODES.textNode(value);
        }

        private static boolean startsWithLetter(String value) {
            char first = value.isEmpty() ? 0 : value.charAt(0);
            return (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
        }

        /**
         * A plain scalar that starts with an ASCII letter, resolved without the patterns: of the
         * core schema's spellings only null, true and false start with one (numbers start with a
         * digit, a sign or a dot, {@code ~} is null). Most scalars of a services.yaml, keys
         * included, are such names and labels; the patterns cost half of a large file's parse.
         */
        private static JsonNode wordScalar(String value) {
            return switch (value) {
                case "null", "Null", "NULL" -> NODES.nullNode();
                case "true", "True", "TRUE" -> NODES.booleanNode(true);
                case "false", "False", "FALSE" -> NODES.booleanNode(false);
                default -> NODES.textNode(value);
            };
        }

        /** Refuses a value holding the stand-in of a character YAML readers disagree on (an escaped one is fine). */
        private void lineBreaks(String value, Mark mark, String pointer) throws DocumentException {
            if (placeholders == null) {
                return;
            }
            char found = 0;
            for (int i = 0; i < value.length() && found == 0; i++) {
                found = LineBreakCharacters.standsFor(value.charAt(i), placeholders);
            }
            if (found != 0) {
                throw error(DocumentException.Kind.CHARACTER, LineBreakCharacters.message(found), mark, pointer);
            }
        }

        private static JsonNode integer(BigInteger value) {
            if (value.bitLength() < 32) {
                return NODES.numberNode(value.intValue());
            }
            if (value.bitLength() < 64) {
                return NODES.numberNode(value.longValue());
            }
            return NODES.numberNode(value);
        }

        private void expect(Event.ID id) throws DocumentException {
            Event event = parser.getEvent();
            if (!event.is(id)) {
                throw error(DocumentException.Kind.SYNTAX, "unexpected " + event.getEventId(), event.getStartMark(), null);
            }
        }

        private static DocumentException error(DocumentException.Kind kind, String message, Mark mark, String pointer) {
            return new DocumentException(kind, message, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, pointer);
        }
    }

    /** Escapes a key for use as one JSON pointer segment (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
