package com.company.onboarding.servicesyaml;

import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares the file before and after an edit, as trees: the edit may only have appended one
 * item to {@code services}. Key order counts (the item's keys must come in the order they were
 * meant to); numbers compare by value, since {@code 200} written from a decimal parses back as
 * an integer.
 */
final class EditCheck {

    private EditCheck() {
    }

    /**
     * Null when {@code after} is {@code before} with {@code entry} appended to {@code services}
     * (a missing or null {@code services} counting as an empty list) and nothing else changed;
     * otherwise where they differ, as a JSON pointer and what was found there.
     */
    static String difference(JsonNode before, JsonNode after, JsonNode entry) {
        if (!after.isObject()) {
            return "the file is no longer a mapping";
        }
        List<String> expectedKeys = before.isObject() ? names(before) : new ArrayList<>();
        if (!expectedKeys.contains("services")) {
            expectedKeys.add("services");
        }
        List<String> keys = names(after);
        if (!keys.equals(expectedKeys)) {
            return "top-level keys " + keys + " instead of " + expectedKeys;
        }
        for (String key : keys) {
            if (!key.equals("services")) {
                String difference = difference(before.get(key), after.get(key), "/" + YamlTrees.escape(key));
                if (difference != null) {
                    return difference;
                }
            }
        }
        JsonNode oldServices = before.path("services");
        int oldSize = oldServices.isArray() ? oldServices.size() : 0;
        JsonNode services = after.get("services");
        if (!services.isArray() || services.size() != oldSize + 1) {
            return "/services holds " + (services.isArray() ? services.size() + " items" : "no list")
                    + " instead of " + (oldSize + 1) + " items";
        }
        for (int i = 0; i < oldSize; i++) {
            String difference = difference(oldServices.get(i), services.get(i), "/services/" + i);
            if (difference != null) {
                return difference;
            }
        }
        return difference(entry, services.get(oldSize), "/services/" + oldSize);
    }

    /**
     * Null when {@code after} is {@code before} with item {@code index} of {@code services}
     * replaced by {@code entry} and nothing else changed; otherwise where they differ. The
     * replaced item is compared without regard to key order (kept keys stay where they were,
     * added keys go where the design document's order puts them); everything else exactly.
     */
    static String replacement(JsonNode before, JsonNode after, int index, JsonNode entry) {
        if (!after.isObject()) {
            return "the file is no longer a mapping";
        }
        List<String> keys = names(after);
        if (!keys.equals(names(before))) {
            return "top-level keys " + keys + " instead of " + names(before);
        }
        for (String key : keys) {
            if (!key.equals("services")) {
                String difference = difference(before.get(key), after.get(key), "/" + YamlTrees.escape(key));
                if (difference != null) {
                    return difference;
                }
            }
        }
        JsonNode oldServices = before.path("services");
        JsonNode services = after.path("services");
        if (!services.isArray() || services.size() != oldServices.size()) {
            return "/services holds " + (services.isArray() ? services.size() + " items" : "no list")
                    + " instead of " + oldServices.size() + " items";
        }
        for (int i = 0; i < services.size(); i++) {
            if (i != index && oldServices.get(i).equals(services.get(i))) {
                continue; // equal trees need no walk (thousands of untouched items)
            }
            String difference = i == index ? unordered(entry, services.get(i), "/services/" + i)
                    : difference(oldServices.get(i), services.get(i), "/services/" + i);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    /** Whether two entries are the same: numbers by value, mappings whatever their key order. */
    static boolean equivalent(JsonNode expected, JsonNode actual) {
        return unordered(expected, actual, "") == null;
    }

    /** As {@link #difference(JsonNode, JsonNode, String)}, but mappings compare as sets of keys. */
    private static String unordered(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isObject() && actual.isObject()) {
            List<String> expectedKeys = names(expected);
            List<String> keys = names(actual);
            if (!new java.util.HashSet<>(keys).equals(new java.util.HashSet<>(expectedKeys))) {
                return pointer + ": keys " + keys + " instead of " + expectedKeys;
            }
            for (String key : expectedKeys) {
                String difference = unordered(expected.get(key), actual.get(key), pointer + "/" + YamlTrees.escape(key));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return pointer + ": " + actual.size() + " items instead of " + expected.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = unordered(expected.get(i), actual.get(i), pointer + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return difference(expected, actual, pointer);
    }

    private static String difference(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : pointer + ": a different number";
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return pointer + ": " + kind(actual) + " instead of " + kind(expected);
        }
        if (expected.isObject()) {
            List<String> expectedKeys = names(expected);
            List<String> keys = names(actual);
            if (!keys.equals(expectedKeys)) {
                return pointer + ": keys " + keys + " instead of " + expectedKeys;
            }
            for (String key : keys) {
                String difference = difference(expected.get(key), actual.get(key), pointer + "/" + YamlTrees.escape(key));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return pointer + ": " + actual.size() + " items instead of " + expected.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = difference(expected.get(i), actual.get(i), pointer + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        // Values are not quoted back: the file's content stays out of logs and responses.
        return expected.equals(actual) ? null : pointer + ": a different " + kind(expected);
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
