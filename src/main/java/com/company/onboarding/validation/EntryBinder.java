package com.company.onboarding.validation;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Binds leniently (docs/library-notes.md#yaml-and-json-parsing): the body is read to a tree first, checked against its
 * {@link Shape}, and only then mapped to records. A node of the wrong type is
 * {@code entry.malformed} at its pointer and left out; a missing required field is
 * {@code field.required}; an unknown field is a {@code field.unknown} warning with the closest
 * known name. Everything else is still checked, so one response reports every problem.
 *
 * <p>Positions are kept: an item of the wrong type in a list of objects becomes an empty object
 * (so later findings on the items after it keep their index), in a list of strings a null that
 * later checks skip and the record leaves out.
 *
 * <p>Every mapping key, wherever it is (fields passed through to Dynatrace, channel types,
 * environments, unknown fields), is at most {@value #MAX_KEY_LENGTH} characters, else
 * {@code field.key.too-long} at the key's pointer. An accepted entry is written into
 * services.yaml, and YAML readers refuse a key that takes more than 1024 characters as written;
 * {@value #MAX_KEY_LENGTH} characters stay under that even when each one needs the longest
 * escape ({@code \UXXXXXXXX}, ten characters) and the key is quoted.
 */
public final class EntryBinder {

    /** The longest mapping key an entry may have, in characters (code points). */
    public static final int MAX_KEY_LENGTH = 100;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(YamlTrees.NODES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The result of binding: the checked tree (positions kept), the record, and the findings so far. */
    public record Bound<T>(ObjectNode tree, T value, List<Finding> findings) {
        public Bound {
            findings = List.copyOf(findings);
        }
    }

    private EntryBinder() {
    }

    public static Bound<ServiceEntry> entry(JsonNode body) {
        return bind(body, EntrySchema.ENTRY, "", ServiceEntry.class);
    }

    /** Binds {@code body} with {@code shape}; the pointers of findings start with {@code base}. */
    public static <T> Bound<T> bind(JsonNode body, Shape.Obj shape, String base, Class<T> type) {
        List<Finding> findings = new ArrayList<>();
        if (body == null || !body.isObject()) {
            findings.add(Finding.error(base, "entry.malformed", "the body must be a mapping (a JSON object)"));
            return new Bound<>(YamlTrees.NODES.objectNode(), null, findings);
        }
        keys(body, base, findings);
        ObjectNode tree = object((ObjectNode) body, shape, base, findings);
        return new Bound<>(tree, toRecord(tree, type), findings);
    }

    /** Every key of {@code node} and below that is too long, in document order; the binding then leaves them out. */
    private static void keys(JsonNode node, String pointer, List<Finding> findings) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + YamlTrees.escape(field.getKey());
                if (tooLong(field.getKey())) {
                    findings.add(Finding.error(child, "field.key.too-long", "a key is at most " + MAX_KEY_LENGTH
                            + " characters; this one has " + field.getKey().codePointCount(0, field.getKey().length())));
                } else {
                    keys(field.getValue(), child, findings);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                keys(node.get(i), pointer + "/" + i, findings);
            }
        }
    }

    private static boolean tooLong(String key) {
        return key.length() > MAX_KEY_LENGTH && key.codePointCount(0, key.length()) > MAX_KEY_LENGTH;
    }

    static <T> T toRecord(ObjectNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(withoutHoles(tree), type);
        } catch (JsonProcessingException e) {
            // Every node was checked against its shape first, so this is a bug in the schema, not bad input.
            throw new IllegalStateException("entry schema and record disagree: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode check(JsonNode node, Shape shape, String pointer, List<Finding> findings) {
        boolean fits = shape instanceof Shape.Text ? node.isTextual()
                : shape instanceof Shape.Bool ? node.isBoolean()
                : shape instanceof Shape.Num ? node.isNumber()
                : shape instanceof Shape.ListOf ? node.isArray()
                : node.isObject();
        if (!fits) {
            return malformed(node, shape, pointer, findings);
        }
        if (shape instanceof Shape.ListOf list) {
            return list((ArrayNode) node, list, pointer, findings);
        }
        if (shape instanceof Shape.MapOf map) {
            return map((ObjectNode) node, map, pointer, findings);
        }
        if (shape instanceof Shape.Obj obj) {
            return object((ObjectNode) node, obj, pointer, findings);
        }
        return node;
    }

    /**
     * Missing required fields first, then the present fields' findings in document order; the
     * result in the shape's canonical field order, open extras after.
     */
    private static ObjectNode object(ObjectNode node, Shape.Obj shape, String pointer, List<Finding> findings) {
        for (Shape.Field known : shape.fields().values()) {
            if (known.required() && !node.hasNonNull(known.name())) {
                findings.add(Finding.error(pointer + "/" + YamlTrees.escape(known.name()), "field.required",
                        known.name() + " is required"));
            }
        }
        Map<String, JsonNode> checked = new java.util.HashMap<>();
        ObjectNode extras = YamlTrees.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String child = pointer + "/" + YamlTrees.escape(name);
            Shape.Field known = shape.fields().get(name);
            if (tooLong(name)) {
                continue; // reported by keys()
            }
            if (known == null) {
                findings.add(unknownField(child, name, shape));
                if (shape.open()) {
                    nullItems(field.getValue(), child, findings);
                    extras.set(name, field.getValue());
                }
            } else if (!field.getValue().isNull()) {
                JsonNode value = check(field.getValue(), known.shape(), child, findings);
                if (value != null) {
                    checked.put(name, value);
                }
            }
        }
        ObjectNode result = YamlTrees.NODES.objectNode();
        for (Shape.Field known : shape.fields().values()) {
            JsonNode value = checked.get(known.name());
            if (value != null) {
                result.set(known.name(), value);
            }
        }
        result.setAll(extras);
        return result;
    }

    /**
     * A null list item inside a value passed through as written is refused like one in a checked
     * list: a record cannot hold it, and dropping it would change the list silently.
     */
    private static void nullItems(JsonNode node, String pointer, List<Finding> findings) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    findings.add(Finding.error(pointer + "/" + i, "entry.malformed", "a list item must not be null"));
                } else {
                    nullItems(node.get(i), pointer + "/" + i, findings);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> nullItems(f.getValue(), pointer + "/" + YamlTrees.escape(f.getKey()), findings));
        }
    }

    private static Finding unknownField(String pointer, String name, Shape.Obj shape) {
        String message = "unknown field \"" + name + "\"" + (shape.open() ? " (passed through as written)" : " (ignored)");
        return Suggestions.closest(name, shape.fields().keySet())
                .map(s -> new Finding(pointer, "field.unknown", message + "; did you mean \"" + s + "\"?",
                        Finding.Severity.WARNING, null, s))
                .orElseGet(() -> Finding.warning(pointer, "field.unknown", message));
    }

    private static ArrayNode list(ArrayNode node, Shape.ListOf shape, String pointer, List<Finding> findings) {
        ArrayNode result = YamlTrees.NODES.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            JsonNode checked = node.get(i).isNull() ? null : check(node.get(i), shape.item(), pointer + "/" + i, findings);
            if (node.get(i).isNull()) {
                findings.add(Finding.error(pointer + "/" + i, "entry.malformed",
                        "a list item must be " + shape.item().describe() + ", not null"));
            }
            if (checked == null) {
                // Keep the position: later findings on the items after this one keep their index.
                result.add(shape.item() instanceof Shape.Obj ? YamlTrees.NODES.objectNode() : NullNode.getInstance());
            } else {
                result.add(checked);
            }
        }
        return result;
    }

    private static ObjectNode map(ObjectNode node, Shape.MapOf shape, String pointer, List<Finding> findings) {
        ObjectNode result = YamlTrees.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (tooLong(field.getKey())) {
                continue; // reported by keys()
            }
            String child = pointer + "/" + YamlTrees.escape(field.getKey());
            JsonNode checked = field.getValue().isNull() ? null : check(field.getValue(), shape.value(), child, findings);
            if (checked != null) {
                result.set(field.getKey(), checked);
            }
        }
        return result;
    }

    private static JsonNode malformed(JsonNode node, Shape shape, String pointer, List<Finding> findings) {
        String hint = shape instanceof Shape.Text && node.isValueNode() ? " (quote it)" : "";
        findings.add(Finding.error(pointer, "entry.malformed",
                "must be " + shape.describe() + ", not " + describe(node) + hint));
        return null;
    }

    private static String describe(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Copy without the null holes that kept list positions: records hold only real values. */
    private static JsonNode withoutHoles(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = YamlTrees.NODES.arrayNode();
            node.forEach(item -> {
                if (!item.isNull()) {
                    copy.add(withoutHoles(item));
                }
            });
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = YamlTrees.NODES.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), withoutHoles(f.getValue())));
            return copy;
        }
        return node;
    }
}
