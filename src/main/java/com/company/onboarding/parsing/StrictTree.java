package com.company.onboarding.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of a tree written by a team we trust but check (profiles, services, catalog files):
 * a missing optional field gives the default, a field of the wrong type is an
 * {@link InvalidTree} naming its JSON pointer.
 */
public final class StrictTree {

    /** A node of the wrong type, at {@code pointer}. */
    public static final class InvalidTree extends RuntimeException {
        private final String pointer;

        public InvalidTree(String pointer, String message) {
            super(pointer + ": " + message, null, false, false);
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }
    }

    private StrictTree() {
    }

    public static String text(JsonNode parent, String field, String pointer, String fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw new InvalidTree(pointer + "/" + field, "must be a string");
        }
        return node.asText();
    }

    public static boolean bool(JsonNode parent, String field, String pointer, boolean fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidTree(pointer + "/" + field, "must be true or false");
        }
        return node.booleanValue();
    }

    public static ObjectNode object(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return YamlTrees.NODES.objectNode();
        }
        if (!node.isObject()) {
            throw new InvalidTree(pointer + "/" + field, "must be a mapping");
        }
        return (ObjectNode) node;
    }

    public static List<String> texts(JsonNode parent, String field, String pointer) {
        List<String> result = new ArrayList<>();
        JsonNode node = array(parent, field, pointer);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new InvalidTree(pointer + "/" + field + "/" + i, "must be a string");
            }
            result.add(item.asText());
        }
        return result;
    }

    public static List<ObjectNode> objects(JsonNode parent, String field, String pointer) {
        List<ObjectNode> result = new ArrayList<>();
        JsonNode node = array(parent, field, pointer);
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new InvalidTree(pointer + "/" + field + "/" + i, "must be a mapping");
            }
            result.add((ObjectNode) item);
        }
        return result;
    }

    private static JsonNode array(JsonNode parent, String field, String pointer) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return YamlTrees.NODES.arrayNode();
        }
        if (!node.isArray()) {
            throw new InvalidTree(pointer + "/" + field, "must be a list");
        }
        return node;
    }
}
