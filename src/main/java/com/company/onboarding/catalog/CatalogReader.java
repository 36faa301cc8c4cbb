package com.company.onboarding.catalog;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogProblem;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;

import com.company.onboarding.git.GitTrees;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.StrictTree;
import com.company.onboarding.parsing.StrictTree.InvalidTree;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Parses the metrics-catalog at one commit (docs/spec.md#metrics-catalog-files): every {@code .yaml}/{@code .yml} file
 * directly under {@code profiles/<p>/} and {@code services/<s>/} is YAML whose
 * {@code data."dynatrace-custom-metrics.json"} holds JSON with {@code customMetrics},
 * {@code alertRules} and {@code dashboards}. A file without that key is skipped; a file that
 * cannot be read becomes a {@link CatalogProblem}, never an exception.
 *
 * <p>A file's parsed form is kept, weakly, by path and blob id: a commit that shares files with
 * one already in memory (the usual case between two tags) shares their parsed trees too, so
 * holding many commits costs little more than holding their differences.
 */
public final class CatalogReader {

    /** The ConfigMap key that holds a catalog file's metrics. */
    public static final String METRICS_KEY = "dynatrace-custom-metrics.json";
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    private static final List<String> DIRECTORIES = List.of("profiles", "services");

    private record FileKey(String path, ObjectId blob) {
    }

    /** One file's outcome: parsed, a problem, or neither (skipped). */
    record Outcome(CatalogFile file, CatalogProblem problem) {
        static final Outcome SKIPPED = new Outcome(null, null);
    }

    private final Cache<FileKey, CatalogFile> parsed = Caffeine.newBuilder().weakValues().build();

    /** The catalog at {@code commit} of {@code repository}, as a snapshot of kind {@code commit}. */
    public CatalogSnapshot read(Repository repository, ObjectId commit) throws IOException {
        SortedSet<String> profiles = new TreeSet<>();
        SortedSet<String> services = new TreeSet<>();
        SortedMap<String, CatalogFile> files = new TreeMap<>();
        List<FileKey> unparsed = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            for (Map.Entry<String, ObjectId> blob : GitTrees.regularFiles(repository, commit, DIRECTORIES).entrySet()) {
                String path = blob.getKey();
                String[] parts = path.split("/");
                if (parts.length != 3 || !(parts[2].endsWith(".yaml") || parts[2].endsWith(".yml"))) {
                    continue;
                }
                (parts[0].equals("profiles") ? profiles : services).add(parts[1]);
                FileKey key = new FileKey(path, blob.getValue());
                CatalogFile known = parsed.getIfPresent(key);
                if (known != null) {
                    files.put(path, known);
                    continue;
                }
                unparsed.add(key);
                try {
                    contents.add(reader.open(blob.getValue()).getCachedBytes(MAX_FILE_BYTES));
                } catch (LargeObjectException e) {
                    contents.add(null);
                }
            }
        }
        // Reading blobs is sequential (an ObjectReader serves one thread); parsing, the costly part, is not.
        List<Outcome> outcomes = IntStream.range(0, unparsed.size()).parallel()
                .mapToObj(i -> contents.get(i) == null
                        ? problem(unparsed.get(i).path(), "", "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB")
                        : parse(unparsed.get(i).path(), contents.get(i)))
                .toList();
        List<CatalogProblem> problems = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.file() != null) {
                files.put(outcome.file().path(), outcome.file());
                parsed.put(unparsed.get(i), outcome.file());
            } else if (outcome.problem() != null) {
                problems.add(outcome.problem());
            }
        }
        return new CatalogSnapshot(commit.name(), RefKind.COMMIT, commit.name(), files, problems,
                List.copyOf(profiles), List.copyOf(services), false);
    }

    /** Parses one catalog file's bytes. */
    static Outcome parse(String path, byte[] bytes) {
        JsonNode root;
        try {
            root = YamlTrees.read(bytes, ParseLimits.DEFAULT);
        } catch (DocumentException e) {
            return problem(path, "", "the file is not valid YAML: " + e.describe());
        }
        JsonNode data = root.path("data");
        if (!data.isObject() || !data.has(METRICS_KEY)) {
            return Outcome.SKIPPED;
        }
        JsonNode text = data.get(METRICS_KEY);
        if (!text.isTextual()) {
            return problem(path, "", "data." + METRICS_KEY + " must be a string holding a JSON object");
        }
        JsonNode metrics;
        try {
            metrics = JsonTrees.read(text.textValue().getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
        } catch (DocumentException e) {
            String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + " of the JSON)" : "";
            return problem(path, e.pointer() == null ? "" : e.pointer(),
                    "data." + METRICS_KEY + " is not valid JSON" + where + ": " + e.getMessage());
        }
        if (!metrics.isObject()) {
            return problem(path, "", "data." + METRICS_KEY + " must hold a JSON object");
        }
        try {
            return new Outcome(new CatalogFile(path, StrictTree.objects(metrics, "customMetrics", ""),
                    StrictTree.objects(metrics, "alertRules", ""), StrictTree.objects(metrics, "dashboards", "")), null);
        } catch (InvalidTree e) {
            return problem(path, e.pointer(), e.getMessage());
        }
    }

    private static Outcome problem(String path, String pointer, String message) {
        return new Outcome(null, new CatalogProblem(path, pointer, message));
    }
}
