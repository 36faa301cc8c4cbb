package com.company.onboarding.servicesyaml;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * An entry as sent, in the design document's key order: the keys {@link EntryTree} knows first,
 * in its order, then any others as sent; null values left out (they mean "not set"). Values are
 * the request's own, so a field the service does not model (a warning, not an error) survives a
 * read-modify-write round trip instead of vanishing from services.yaml. The order is where the
 * minimal edit puts keys the file does not have yet.
 */
public final class EntryOrder {

    private EntryOrder() {
    }

    public static ObjectNode of(JsonNode sent, ServiceEntry bound) {
        return (ObjectNode) reorder(sent, EntryTree.of(bound));
    }

    private static JsonNode reorder(JsonNode value, JsonNode template) {
        if (value.isObject()) {
            ObjectNode out = YamlTrees.NODES.objectNode();
            if (template != null && template.isObject()) {
                for (Iterator<String> it = template.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    JsonNode child = value.get(key);
                    if (child != null && !child.isNull()) {
                        out.set(key, reorder(child, template.get(key)));
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!out.has(field.getKey()) && !field.getValue().isNull()) {
                    out.set(field.getKey(), reorder(field.getValue(), null));
                }
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = YamlTrees.NODES.arrayNode(value.size());
            for (int i = 0; i < value.size(); i++) {
                out.add(reorder(value.get(i), template != null && template.isArray() ? template.get(i) : null));
            }
            return out;
        }
        return value;
    }
}
