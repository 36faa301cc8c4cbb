package com.company.onboarding.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one JSON document into a tree with the same limits and the same number
 * representation as {@link YamlTrees}, so a JSON body and a YAML body of the same entry
 * give the same tree: duplicate keys refused, decimals kept exact, depth and sizes bounded.
 */
public final class JsonTrees {

    /** Mappers are thread-safe and costly to build: one per set of limits. */
    private static final Map<ParseLimits, JsonMapper> MAPPERS = new ConcurrentHashMap<>();

    private JsonTrees() {
    }

    public static JsonNode read(byte[] bytes, ParseLimits limits) throws DocumentException {
        return read(Utf8.decode(bytes), limits);
    }

    public static JsonNode read(String text, ParseLimits limits) throws DocumentException {
        if (text.isBlank()) {
            throw new DocumentException(DocumentException.Kind.EMPTY, "the document is empty", 0, 0, null);
        }
        if (text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            throw new DocumentException(DocumentException.Kind.TOO_LARGE,
                    "document is larger than " + limits.maxCodePoints() + " characters", 0, 0, null);
        }
        JsonMapper mapper = MAPPERS.computeIfAbsent(limits, JsonTrees::mapper);
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null) {
                throw new DocumentException(DocumentException.Kind.EMPTY, "the document is empty", 0, 0, null);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new DocumentException(DocumentException.Kind.SYNTAX, "unexpected content after the JSON value",
                        at.getLineNr(), at.getColumnNr(), null);
            }
            checkNumbers(tree, "", limits);
            return tree;
        } catch (NumberFormatException e) {
            // Jackson lets BigDecimal's own refusal through, e.g. for an exponent beyond an int.
            throw new DocumentException(DocumentException.Kind.TOO_LARGE, limits.writtenOutTooLong(), 0, 0, null);
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            DocumentException.Kind kind = message.contains("nesting depth")
                    ? DocumentException.Kind.TOO_DEEP : DocumentException.Kind.TOO_LARGE;
            JsonLocation at = e.getLocation();
            throw new DocumentException(kind, firstSentence(message),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                JsonParser p = e.getProcessor();
                String pointer = p == null ? null : p.getParsingContext().pathAsPointer().toString();
                throw new DocumentException(DocumentException.Kind.DUPLICATE_KEY,
                        "duplicate key " + message.substring("Duplicate field ".length()),
                        at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), pointer);
            }
            throw new DocumentException(DocumentException.Kind.SYNTAX, firstSentence(message),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DocumentException(DocumentException.Kind.SYNTAX, firstSentence(String.valueOf(e.getOriginalMessage())),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), null);
        } catch (IOException e) {
            throw new DocumentException(DocumentException.Kind.SYNTAX, "unreadable JSON", 0, 0, null);
        }
    }

    /** Jackson bounds a number's literal, not its value: {@code 1e999999} passes its check (see {@link ParseLimits#fitsWrittenOut}). */
    private static void checkNumbers(JsonNode node, String pointer, ParseLimits limits) throws DocumentException {
        if (node.isBigDecimal() && !limits.fitsWrittenOut(node.decimalValue())) {
            throw new DocumentException(DocumentException.Kind.TOO_LARGE, limits.writtenOutTooLong(), 0, 0, pointer);
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                checkNumbers(field.getValue(), pointer + "/" + YamlTrees.escape(field.getKey()), limits);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(node.get(i), pointer + "/" + i, limits);
            }
        }
    }

    private static JsonMapper mapper(ParseLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(limits.maxStringLength())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .nodeFactory(YamlTrees.NODES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(); // trailing content is checked in read(), with a message that names no Jackson type
    }

    /**
     * Jackson's messages carry hints for Java developers (a feature to enable, the Java type bound
     * to, in backquotes) after what went wrong; clients need only what went wrong.
     */
    private static String firstSentence(String message) {
        String line = message.lines().findFirst().orElse(message);
        for (String hint : new String[] {" (for ", ": enable ", " (bound as ", "`"}) {
            int at = line.indexOf(hint);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        return line;
    }
}
