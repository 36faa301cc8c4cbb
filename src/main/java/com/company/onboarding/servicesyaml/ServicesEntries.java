package com.company.onboarding.servicesyaml;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;

/**
 * Looks a service up in a {@code services.yaml}, as a tree: whether the base branch already
 * has it, and whether an onboarding branch carries exactly the requested entry. Trees, not
 * text: the same entry is the same whatever the file around it looks like.
 */
public final class ServicesEntries {

    private final JsonNode root;

    private ServicesEntries(JsonNode root) {
        this.root = root;
    }

    /** Empty when the file does not parse (the editor then says why, as {@code services.edit.unsafe}). */
    public static Optional<ServicesEntries> parse(byte[] file) {
        try {
            return Optional.of(new ServicesEntries(YamlTrees.read(file, ParseLimits.DEFAULT)));
        } catch (DocumentException e) {
            if (e.kind() == DocumentException.Kind.EMPTY) {
                return Optional.of(new ServicesEntries(YamlTrees.NODES.nullNode()));
            }
            return Optional.empty();
        }
    }

    /**
     * Whether the base file has an item named {@code name}. A file whose bytes do not contain the
     * name at all cannot have it (service names are plain DNS labels), which spares the parse of a
     * large file in the usual case; validation has checked the same against the base branch already.
     */
    public static boolean contains(byte[] file, String name) {
        if (indexOf(file, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) < 0) {
            return false;
        }
        return parse(file).flatMap(entries -> entries.find(name)).isPresent();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Whether the file's item named {@code entry.name()} is exactly what the editor writes for
     * {@code entry}; false when there is no such item or the file does not parse.
     */
    public static boolean containsEntry(byte[] file, ServiceEntry entry) {
        return parse(file).flatMap(entries -> entries.find(entry.name()))
                .map(item -> sameEntry(item, entry))
                .orElse(false);
    }

    /** The first item of {@code services} named {@code name}. */
    public Optional<JsonNode> find(String name) {
        for (JsonNode item : root.path("services")) {
            if (item.isObject() && item.path("name").isTextual() && item.path("name").asText().equals(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code item} is what the editor writes for {@code entry}: the same keys in the
     * same order, numbers by value (the editor's own check, applied to one item).
     */
    static boolean sameEntry(JsonNode item, ServiceEntry entry) {
        ArrayNode none = YamlTrees.NODES.arrayNode();
        ArrayNode one = YamlTrees.NODES.arrayNode().add(item);
        return EditCheck.difference(YamlTrees.NODES.objectNode().set("services", none),
                YamlTrees.NODES.objectNode().set("services", one), EntryTree.of(entry)) == null;
    }
}
