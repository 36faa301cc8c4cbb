package com.company.onboarding.merge;

import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Notification channels of an alert rule (docs/spec.md#notification-channels). Profiles write {@code channels}, the
 * catalog writes {@code notificationChannels}; the output always has {@code notificationChannels},
 * an object of channel type to a list of values ({@code teams}, {@code email}, any other type as
 * written), values de-duplicated in first-seen order.
 */
final class Channels {

    static final String OUTPUT = "notificationChannels";
    static final String PROFILE_SPELLING = "channels";

    private Channels() {
    }

    /**
     * The item with {@code channels} renamed to {@code notificationChannels} in its place. An item
     * that writes both gets one object holding both, in the order written. A non-object value is
     * passed through as written (validation reports its shape); if both keys are written and one
     * is not an object, the item stays as written.
     */
    static Incoming normalise(Incoming incoming) {
        ObjectNode item = incoming.item();
        JsonNode channels = item.get(PROFILE_SPELLING);
        JsonNode written = item.get(OUTPUT);
        if (channels == null && written == null
                || channels != null && written != null && !(channels.isObject() && written.isObject())) {
            return incoming;
        }
        String firstKey = null;
        for (Iterator<String> it = item.fieldNames(); it.hasNext() && firstKey == null; ) {
            String key = it.next();
            if (key.equals(PROFILE_SPELLING) || key.equals(OUTPUT)) {
                firstKey = key;
            }
        }
        JsonNode value = channels == null ? written
                : written == null ? channels
                : firstKey.equals(PROFILE_SPELLING) ? union((ObjectNode) channels, (ObjectNode) written)
                : union((ObjectNode) written, (ObjectNode) channels);
        if (value.isObject()) {
            value = dedupe((ObjectNode) value);
        }
        ObjectNode result = YamlTrees.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(firstKey)) {
                result.set(OUTPUT, value);
            } else if (!field.getKey().equals(PROFILE_SPELLING) && !field.getKey().equals(OUTPUT)) {
                result.set(field.getKey(), field.getValue());
            }
        }
        Map<String, String> renamed = new HashMap<>(incoming.renamed());
        // Findings about the channels point at the key written first.
        renamed.put(OUTPUT, firstKey);
        return new Incoming(result, incoming.at(), renamed);
    }

    /** Each channel type's values without repeats, first occurrence kept; a lone value becomes a one-item list. */
    static ObjectNode dedupe(ObjectNode channels) {
        ObjectNode result = YamlTrees.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            Set<JsonNode> values = new LinkedHashSet<>();
            add(values, type.getValue());
            ArrayNode array = YamlTrees.NODES.arrayNode(values.size());
            values.forEach(array::add);
            result.set(type.getKey(), array);
        }
        return result;
    }

    private static ObjectNode union(ObjectNode first, ObjectNode second) {
        ObjectNode result = YamlTrees.NODES.objectNode();
        for (ObjectNode source : new ObjectNode[] {first, second}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> type = it.next();
                JsonNode before = result.get(type.getKey());
                if (before == null) {
                    result.set(type.getKey(), type.getValue());
                } else {
                    ArrayNode both = YamlTrees.NODES.arrayNode();
                    addAll(both, before);
                    addAll(both, type.getValue());
                    result.set(type.getKey(), both);
                }
            }
        }
        return result;
    }

    private static void add(Set<JsonNode> values, JsonNode value) {
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
    }

    private static void addAll(ArrayNode array, JsonNode value) {
        if (value.isArray()) {
            array.addAll((ArrayNode) value);
        } else {
            array.add(value);
        }
    }
}
