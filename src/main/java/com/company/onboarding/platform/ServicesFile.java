package com.company.onboarding.platform;

import com.company.onboarding.parsing.StrictTree;
import com.company.onboarding.parsing.StrictTree.InvalidTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code services.yaml} at one commit: its exact bytes (the pull request edits them as text)
 * and its entries as trees, by name, in file order.
 */
public final class ServicesFile {

    private final byte[] bytes;
    private final Map<String, ObjectNode> entries;

    private ServicesFile(byte[] bytes, Map<String, ObjectNode> entries) {
        this.bytes = bytes;
        this.entries = entries;
    }

    /** @throws InvalidTree when {@code services} is not a list of mappings with a name each */
    public static ServicesFile parse(byte[] bytes, JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidTree("", "must be a mapping with services");
        }
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        Map<String, Integer> indexes = new LinkedHashMap<>();
        List<ObjectNode> items = StrictTree.objects(root, "services", "");
        for (int i = 0; i < items.size(); i++) {
            String name = StrictTree.text(items.get(i), "name", "/services/" + i, null);
            if (name == null) {
                throw new InvalidTree("/services/" + i + "/name", "is required");
            }
            Integer first = indexes.putIfAbsent(name, i);
            if (first != null) {
                // Which of the two would CI deploy? Neither: the file is wrong until one goes.
                throw new InvalidTree("/services/" + i + "/name", "service " + name + " is already the entry at /services/"
                        + first + "; service names are unique");
            }
            entries.put(name, items.get(i));
        }
        return new ServicesFile(bytes, java.util.Collections.unmodifiableMap(entries));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public Map<String, ObjectNode> entries() {
        return entries;
    }

    public Optional<ObjectNode> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }
}
