package com.company.onboarding.generate;

import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.validation.Entries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** platform-next working trees for generate's tests: clones of a bare repository, edited as a pull request would. */
final class WorkTrees {

    static final String SERVICES = Fixtures.SERVICES_PATH;
    static final String PROFILES = Fixtures.PROFILES_PATH;

    private WorkTrees() {
    }

    /** A working tree of {@code bare} (its default branch) at {@code directory}. */
    static Path cloneOf(Path bare, Path directory) {
        try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(directory.toFile()).call()) {
            return directory;
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot clone " + bare, e);
        }
    }

    static void edit(Path tree, String path, UnaryOperator<String> change) {
        try {
            Path file = tree.resolve(path);
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = change.apply(before);
            if (after.equals(before)) {
                throw new IllegalArgumentException("the edit of " + path + " changed nothing");
            }
            Files.writeString(file, after, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The design document's payment-processor entry at v1.3.0 with payment-revenue-metrics, as its section 10 ends. */
    static String paymentProcessorV130() {
        return Entries.paymentProcessorYaml().replace("ref: v1.2.0", "ref: v1.3.0")
                .replace("      - payment-fraud-metrics      # Fraud detection metrics\n",
                        "      - payment-fraud-metrics      # Fraud detection metrics\n      - payment-revenue-metrics\n");
    }

    /** {@code entry} (a YAML mapping) as the last item of services.yaml's list. */
    static void appendEntry(Path tree, String entry) {
        StringBuilder item = new StringBuilder("\n");
        boolean first = true;
        for (String line : entry.split("\n")) {
            if (line.startsWith("#") && first) {
                continue;
            }
            item.append(line.isBlank() ? "" : (first ? "  - " : "    ") + line).append('\n');
            first = false;
        }
        edit(tree, SERVICES, text -> text + item);
    }

    /** Removes the list item of {@code service} (from its {@code - name:} line to the next item or the end). */
    static void removeEntry(Path tree, String service) {
        edit(tree, SERVICES, text -> {
            int start = text.indexOf("  - name: " + service + "\n");
            if (start < 0) {
                throw new IllegalArgumentException("no entry " + service);
            }
            int next = text.indexOf("\n  - name: ", start + 1);
            // keep the comment lines that introduce the next item
            int end = next < 0 ? text.length() : next + 1;
            return text.substring(0, start) + text.substring(end);
        });
    }

    /** Every file under {@code root} with its bytes, by relative path. */
    static Map<String, byte[]> files(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
