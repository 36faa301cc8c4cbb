package com.company.onboarding.servicesyaml;

import com.company.onboarding.parsing.YamlScalars;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Writes a tree as one block-style YAML sequence item, in a given layout: mappings in block
 * style with their keys in the tree's order, lists of scalars as {@code [a, b]} where allowed
 * and short, other lists in block style, scalars by {@link YamlScalars}.
 */
final class BlockYamlWriter {

    /** Longest single-line flow list, in columns, before a list is written in block style. */
    static final int FLOW_WIDTH = 100;

    private final YamlLayout layout;
    private final Predicate<String> flowAllowed;
    private final StringBuilder out = new StringBuilder();

    private BlockYamlWriter(YamlLayout layout, Predicate<String> flowAllowed) {
        this.layout = layout;
        this.flowAllowed = flowAllowed;
    }

    /**
     * The item's lines, each ended by the layout's line ending.
     *
     * @param flowAllowed whether the list at a JSON pointer (relative to the item) may be written
     *                    in flow style when it holds only scalars and fits on its line
     */
    static String item(JsonNode item, YamlLayout layout, Predicate<String> flowAllowed) {
        BlockYamlWriter writer = new BlockYamlWriter(layout, flowAllowed);
        writer.sequenceItem(item, layout.itemIndent(), "");
        return writer.out.toString();
    }

    /**
     * The lines of one mapping entry {@code key: value} whose key sits at {@code column}, for an
     * edit that adds or rewrites one key of an existing mapping; {@code parent} is the pointer of
     * that mapping relative to the item.
     */
    static String entry(String key, JsonNode value, int column, YamlLayout layout, Predicate<String> flowAllowed,
            String parent) {
        BlockYamlWriter writer = new BlockYamlWriter(layout, flowAllowed);
        ObjectNode single = YamlTrees.NODES.objectNode();
        single.set(key, value);
        writer.mapping(single, column, " ".repeat(column), parent);
        return writer.out.toString();
    }

    /** The lines of one item of a nested block list whose {@code -} sits at {@code dash}; {@code pointer} is the item's. */
    static String sequenceItem(JsonNode item, int dash, YamlLayout layout, Predicate<String> flowAllowed, String pointer) {
        BlockYamlWriter writer = new BlockYamlWriter(layout, flowAllowed);
        writer.sequenceItem(item, dash, pointer);
        return writer.out.toString();
    }

    private void sequenceItem(JsonNode item, int dash, String pointer) {
        String marker = " ".repeat(dash) + "-";
        int content = dash + layout.itemKeyOffset();
        if (item.isObject() && !item.isEmpty()) {
            mapping((ObjectNode) item, content, marker + " ".repeat(layout.itemKeyOffset() - 1), pointer);
        } else if (item.isArray() && !item.isEmpty() && flowList(item, dash + 2, pointer) == null) {
            line(marker);
            for (int i = 0; i < item.size(); i++) {
                sequenceItem(item.get(i), content, pointer + "/" + i);
            }
        } else {
            line(marker + " " + inline(item, dash + 2, pointer));
        }
    }

    private void mapping(ObjectNode node, int column, String firstIndent, String pointer) {
        String indent = firstIndent;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String head = indent + YamlScalars.key(field.getKey()) + ":";
            indent = " ".repeat(column);
            JsonNode value = field.getValue();
            String child = pointer + "/" + YamlTrees.escape(field.getKey());
            if (value.isObject() && !value.isEmpty()) {
                line(head);
                mapping((ObjectNode) value, column + layout.step(), " ".repeat(column + layout.step()), child);
            } else if (value.isArray() && !value.isEmpty() && flowList(value, head.length() + 1, child) == null) {
                line(head);
                for (int i = 0; i < value.size(); i++) {
                    sequenceItem(value.get(i), column + layout.sequenceIndent(), child + "/" + i);
                }
            } else {
                line(head + " " + inline(value, head.length() + 1, child));
            }
        }
    }

    /** A value that stays on its key's line: a scalar, {@code {}}, {@code []} or a flow list. */
    private String inline(JsonNode value, int column, String pointer) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "[]" : flowList(value, column, pointer);
        }
        return YamlScalars.render(value, false);
    }

    /** {@code [a, b]}, or null when the list is not all scalars, not allowed, or too wide. */
    private String flowList(JsonNode list, int column, String pointer) {
        if (!flowAllowed.test(pointer)) {
            return null;
        }
        StringJoiner items = new StringJoiner(", ", "[", "]");
        for (JsonNode item : list) {
            if (!item.isValueNode()) {
                return null;
            }
            items.add(YamlScalars.render(item, true));
        }
        String text = items.toString();
        return column + text.length() <= FLOW_WIDTH ? text : null;
    }

    private void line(String text) {
        out.append(text).append(layout.eol());
    }
}
