package com.company.onboarding.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An entry's metrics-catalog ref, read and moved, on entry trees. */
public final class EntryRefs {

    private EntryRefs() {
    }

    /** {@code monitoring.customMetrics.repository}, or a missing node. */
    public static JsonNode repository(JsonNode entry) {
        return entry.path("monitoring").path("customMetrics").path("repository");
    }

    /** The entry's catalog ref as written; null when it gives none (the catalog's default branch). */
    public static String ref(JsonNode entry) {
        JsonNode ref = repository(entry).path("ref");
        return ref.isTextual() ? ref.textValue() : null;
    }

    /**
     * A copy of {@code entry} reading the catalog at {@code ref}; an entry that names no catalog
     * gets {@code catalogUrl} at that ref. The original is not changed.
     */
    public static ObjectNode withRef(ObjectNode entry, String ref, String catalogUrl) {
        ObjectNode copy = entry.deepCopy();
        ObjectNode repository = object(object(object(copy, "monitoring"), "customMetrics"), "repository");
        if (!repository.path("url").isTextual()) {
            repository.put("url", catalogUrl);
        }
        repository.put("ref", ref);
        return copy;
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }
}
