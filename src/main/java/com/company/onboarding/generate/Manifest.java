package com.company.onboarding.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@value #FILE} in the output directory: the files generate wrote, one relative path a line,
 * sorted. It is how generate knows what it owns: a file listed here whose target is gone is
 * removed; a file not listed is never touched. A line that is not a path generate could have
 * written (edited by hand, say) is ignored and reported, never acted on.
 */
final class Manifest {

    static final String FILE = ".monitoring-generated";

    private static final String HEADER = """
            # Files written by the monitoring onboarding API's generate command (docs/generate.md).
            # It removes a file listed here once its target is gone, and never touches a file that is not.
            """;

    private final SortedSet<String> paths;
    private final List<String> ignored;

    private Manifest(SortedSet<String> paths, List<String> ignored) {
        this.paths = paths;
        this.ignored = List.copyOf(ignored);
    }

    static Manifest empty() {
        return new Manifest(new TreeSet<>(), List.of());
    }

    static Manifest parse(byte[] bytes) {
        SortedSet<String> paths = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String path = line.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            if (Layout.isGeneratedPath(path)) {
                paths.add(path);
            } else {
                ignored.add(path);
            }
        }
        return new Manifest(paths, ignored);
    }

    static byte[] render(Collection<String> paths) {
        StringBuilder out = new StringBuilder(HEADER.length() + paths.size() * 64).append(HEADER);
        new TreeSet<>(paths).forEach(path -> out.append(path).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    SortedSet<String> paths() {
        return paths;
    }

    /** Lines that name no file generate writes: left alone, reported as a warning. */
    List<String> ignored() {
        return ignored;
    }
}
