package com.company.onboarding.ship;

import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of kustomize our
 * manifests use: {@code resources} (files with one document each, or directories holding a
 * kustomization), {@code namespace}, {@code images}, {@code replicas} and strategic-merge
 * {@code patches} whose lists are replaced whole. Anything else is refused rather than
 * approximated, so a test never passes on a rendering kustomize would not produce;
 * {@code deploy/render.sh} checks the same files with a real kustomize where one is installed.
 */
final class Kustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "replicas", "patches");
    /** Lists that a strategic merge patch merges by key rather than replaces: not implemented here. */
    private static final Set<String> KEYED_LISTS = Set.of("containers", "initContainers", "ephemeralContainers",
            "volumes", "volumeMounts", "env", "envFrom", "ports", "imagePullSecrets", "hostAliases");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path directory) {
        return build(directory.toAbsolutePath().normalize(), new ArrayList<>());
    }

    static ObjectNode read(Path file) {
        try {
            JsonNode node = YamlTrees.read(Files.readString(file), ParseLimits.DEFAULT);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage()
                    + " (one Kubernetes object per file)", e);
        }
    }

    private static List<ObjectNode> build(Path directory, List<Path> visiting) {
        if (visiting.contains(directory)) {
            throw new IllegalArgumentException("kustomizations include each other: " + visiting);
        }
        visiting.add(directory);
        ObjectNode kustomization = read(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new UnsupportedOperationException(directory + "/kustomization.yaml: '" + field
                        + "' is not rendered by this test's kustomize; extend Kustomize or drop the field");
            }
        });
        if (!kustomization.path("kind").asText().equals("Kustomization")) {
            throw new IllegalArgumentException(directory + "/kustomization.yaml is not a Kustomization");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path, visiting));
            } else {
                objects.add(read(path));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new UnsupportedOperationException("only patches given by path alone are rendered: " + patch);
            }
            ObjectNode change = read(directory.resolve(patch.get("path").asText()));
            ObjectNode target = find(objects, change.path("kind").asText(), change.path("metadata").path("name").asText());
            merge(target, change, "");
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            ObjectNode target = find(objects, "Deployment", replicas.path("name").asText());
            ((ObjectNode) target.get("spec")).put("replicas", replicas.path("count").asInt());
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(object -> setImage(object, image));
        }
        if (kustomization.has("namespace")) {
            objects.forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", kustomization.get("namespace").asText()));
        }
        visiting.remove(directory);
        return objects;
    }

    /** The one object of this kind and name. */
    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " objects are " + kind + "/" + name);
        }
        return found.get(0);
    }

    /** Strategic merge as it behaves for plain lists: maps merge, lists and scalars replace, null deletes. */
    private static void merge(ObjectNode target, ObjectNode patch, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isArray() && KEYED_LISTS.contains(key)) {
                throw new UnsupportedOperationException(path + "/" + key
                        + " is merged by key in a strategic merge patch, which this test's kustomize does not render");
            }
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && target.get(key) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value, path + "/" + key);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static void setImage(ObjectNode object, JsonNode image) {
        JsonNode podSpec = object.path("spec").path("template").path("spec");
        for (String list : List.of("containers", "initContainers")) {
            if (!(podSpec.get(list) instanceof ArrayNode containers)) {
                continue;
            }
            for (JsonNode container : containers) {
                String current = container.path("image").asText();
                int at = current.indexOf('@');
                String withoutDigest = at < 0 ? current : current.substring(0, at);
                int colon = withoutDigest.lastIndexOf(':');
                boolean tagged = colon > withoutDigest.lastIndexOf('/');
                String name = tagged ? withoutDigest.substring(0, colon) : withoutDigest;
                if (!name.equals(image.path("name").asText())) {
                    continue;
                }
                String tag = image.has("newTag") ? ":" + image.get("newTag").asText()
                        : tagged ? withoutDigest.substring(colon) : "";
                String digest = image.has("digest") ? "@" + image.get("digest").asText() : "";
                ((ObjectNode) container).put("image", image.path("newName").asText(name) + (digest.isEmpty() ? tag : digest));
            }
        }
    }
}
