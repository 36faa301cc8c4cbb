package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.StrictTree;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Test-side reading of metrics-catalog files into {@link CatalogFile}s and snapshots, from the
 * embedded sample content. The production reader lives in the catalog package; this one only
 * has to be right for the files the tests and benchmarks use.
 */
public final class CatalogFiles {

    /** Fixed stand-ins for the commits the embedded tags resolve to. */
    public static final Map<String, String> EMBEDDED_COMMITS = Map.of(
            "v1.2.0", "3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345",
            "v1.3.0", "8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b");

    private CatalogFiles() {
    }

    /** A catalog ConfigMap file; empty when it has no {@code data."dynatrace-custom-metrics.json"} (a kustomization, say). */
    public static Optional<CatalogFile> fromConfigMap(String path, String yaml) {
        try {
            JsonNode json = YamlTrees.read(yaml, ParseLimits.DEFAULT).path("data").path("dynatrace-custom-metrics.json");
            if (!json.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(fromJson(path, json.textValue()));
        } catch (DocumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** A catalog file given by its metrics JSON alone. */
    public static CatalogFile fromJson(String path, String json) {
        try {
            JsonNode root = JsonTrees.read(json.getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
            return new CatalogFile(path, StrictTree.objects(root, "customMetrics", ""),
                    StrictTree.objects(root, "alertRules", ""), StrictTree.objects(root, "dashboards", ""));
        } catch (DocumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** A snapshot of the given files, in whatever order they come; directories are derived from the paths. */
    public static CatalogSnapshot snapshot(String ref, RefKind kind, String commit, List<CatalogFile> files) {
        Map<String, CatalogFile> byPath = new LinkedHashMap<>();
        TreeSet<String> profiles = new TreeSet<>();
        TreeSet<String> services = new TreeSet<>();
        for (CatalogFile file : files) {
            byPath.put(file.path(), file);
            String[] parts = file.path().split("/");
            if (parts.length == 3 && parts[0].equals("profiles")) {
                profiles.add(parts[1]);
            } else if (parts.length == 3 && parts[0].equals("services")) {
                services.add(parts[1]);
            }
        }
        return new CatalogSnapshot(ref, kind, commit, new java.util.TreeMap<>(byPath), List.of(),
                List.copyOf(profiles), List.copyOf(services), false);
    }

    /** The embedded metrics-catalog at one of its tags, built from manifest.yaml's commits. */
    public static CatalogSnapshot embedded(String tag) {
        return snapshot(tag, RefKind.TAG, EMBEDDED_COMMITS.get(tag), embeddedFiles(tag));
    }

    /** The catalog files (with the metrics key) of the embedded catalog at a tag, in manifest order. */
    public static List<CatalogFile> embeddedFiles(String tag) {
        try {
            JsonNode manifest = YamlTrees.read(MergeFixtures.resource("embedded/manifest.yaml"), ParseLimits.DEFAULT);
            List<CatalogFile> files = new ArrayList<>();
            for (JsonNode commit : manifest.path("repositories").path("metrics-catalog").path("commits")) {
                for (JsonNode path : commit.path("files")) {
                    fromConfigMap(path.asText(), MergeFixtures.resource("embedded/metrics-catalog/" + path.asText()))
                            .ifPresent(files::add);
                }
                if (tag.equals(commit.path("tag").asText())) {
                    return files;
                }
            }
            throw new IllegalArgumentException("no embedded tag " + tag);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
