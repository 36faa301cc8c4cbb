package com.company.onboarding.merge;

import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list that merges by {@code name} (docs/spec.md#lists-merge-by-name): an item whose name was seen before is merged
 * field by field onto the earlier one and keeps its position; top-level fields replace, nested
 * objects are replaced whole; a new name is appended. Items without a string name cannot be
 * matched and are appended as they are. Each field remembers which source set it last; the
 * {@code name} remembers the source that first defined the item.
 *
 * <p>Input nodes are never changed: items are new objects whose values are shared, read-only.
 */
final class NamedItems {

    /** A merged item: its fields in first-seen order and where each one was last set. */
    static final class Item {
        private final ObjectNode value = YamlTrees.NODES.objectNode();
        private final Map<String, Located> origins = new LinkedHashMap<>();
        private final Located first;

        private Item(Located first) {
            this.first = first;
        }

        ObjectNode value() {
            return value;
        }

        /** Where {@code field} was last set; null if the item has no such field. */
        Located origin(String field) {
            return origins.get(field);
        }

        /** Where the item was first defined. */
        Located first() {
            return first;
        }

        Map<String, Located> origins() {
            return origins;
        }
    }

    /** A field present before and again in a later definition with another value. */
    record Difference(String field, JsonNode before, Located beforeAt, JsonNode after, Located afterAt) {
    }

    private final List<Item> items = new ArrayList<>();
    // Lookup only; order comes from the list.
    private final Map<String, Item> byName = new HashMap<>();
    private List<ItemProvenance> provenance;

    /**
     * Merges one item. Fields named in {@code frozen} keep their earlier value when they differ
     * (a metric's type cannot change); the difference is still returned.
     *
     * @return the fields that were defined before with another value, in the incoming item's order
     */
    List<Difference> add(Incoming incoming, Set<String> frozen) {
        JsonNode nameNode = incoming.item().get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.textValue() : null;
        Item existing = name == null ? null : byName.get(name);
        if (existing == null) {
            Item item = new Item(incoming.at());
            items.add(item);
            if (name != null) {
                byName.put(name, item);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = incoming.item().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                item.value.set(field.getKey(), field.getValue());
                item.origins.put(field.getKey(), incoming.field(field.getKey()));
            }
            return List.of();
        }
        List<Difference> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = incoming.item().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode before = existing.value.get(key);
            boolean differs = before != null && !before.equals(field.getValue());
            if (differs) {
                differences.add(new Difference(key, before, existing.origins.get(key), field.getValue(), incoming.field(key)));
                if (frozen.contains(key)) {
                    continue;
                }
            }
            existing.value.set(key, field.getValue());
            if (!key.equals("name")) { // the name's origin stays where the item was first defined
                existing.origins.put(key, incoming.field(key));
            }
        }
        return differences;
    }

    /** The item merged under {@code name} so far, or null. */
    Item find(String name) {
        return name == null ? null : byName.get(name);
    }

    /**
     * Each item's provenance under its merged name, computed once: the list is complete when the
     * merge has read every source, and shared by the targets that use it.
     */
    List<ItemProvenance> provenance() {
        if (provenance == null) {
            List<ItemProvenance> result = new ArrayList<>(items.size());
            for (Item item : items) {
                Map<String, String> fields = new LinkedHashMap<>();
                item.origins.forEach((field, at) -> fields.put(field, at.source().label()));
                JsonNode name = item.value.get("name");
                result.add(new ItemProvenance(name != null && name.isTextual() ? name.textValue() : null, fields));
            }
            provenance = List.copyOf(result);
        }
        return provenance;
    }

    List<Item> items() {
        return items;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    ArrayNode values() {
        ArrayNode array = YamlTrees.NODES.arrayNode(items.size());
        items.forEach(item -> array.add(item.value));
        return array;
    }
}
