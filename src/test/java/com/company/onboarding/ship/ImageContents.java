package com.company.onboarding.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files COPY instructions put into an image, worked out from local directories instead of a
 * build: each source is resolved under a local root (the repository for the build context, or
 * for a build stage whose tree mirrors the repository), wildcards in its last segment expanded,
 * a directory copied as its contents. A source that matches nothing fails, as it fails the build.
 */
final class ImageContents {

    private ImageContents() {
    }

    /**
     * @param copy     the instruction
     * @param root     local directory that stands for {@code prefix}
     * @param prefix   the in-image path of {@code root} ({@code ""} for the build context)
     * @param included which repository-relative paths the builder can see (the .dockerignore)
     * @return image path to local file, sorted
     */
    static SortedMap<String, Path> of(Dockerfile.Copy copy, Path root, String prefix, Predicate<String> included) {
        SortedMap<String, Path> files = new TreeMap<>();
        for (String source : copy.sources()) {
            if (!source.startsWith(prefix)) {
                throw new IllegalArgumentException("line " + copy.line() + ": " + source + " is not under " + prefix);
            }
            List<Path> matches = expand(root, source.substring(prefix.length()), included);
            if (matches.isEmpty()) {
                throw new AssertionError("line " + copy.line() + ": COPY source " + source
                        + " matches nothing: missing, or excluded by .dockerignore");
            }
            for (Path match : matches) {
                String directory = copy.destination().endsWith("/") ? copy.destination() : copy.destination() + "/";
                if (Files.isDirectory(match)) {
                    try (Stream<Path> walk = Files.walk(match)) {
                        walk.filter(Files::isRegularFile)
                                .filter(f -> included.test(relative(root, f)))
                                .forEach(f -> files.put(directory + relative(match, f), f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (copy.destination().endsWith("/") || matches.size() > 1 || copy.sources().size() > 1) {
                    files.put(directory + match.getFileName(), match);
                } else {
                    files.put(copy.destination(), match);
                }
            }
        }
        return files;
    }

    private static List<Path> expand(Path root, String source, Predicate<String> included) {
        String clean = source.replaceAll("/+$", "");
        int slash = clean.lastIndexOf('/');
        String parent = slash < 0 ? "" : clean.substring(0, slash);
        String last = clean.substring(slash + 1);
        if (parent.matches(".*[*?\\[].*")) {
            throw new IllegalArgumentException("wildcards are supported in the last segment only: " + source);
        }
        Path directory = root.resolve(parent);
        if (!last.matches(".*[*?\\[].*")) {
            Path path = directory.resolve(last);
            return Files.exists(path) && included.test(relative(root, path)) ? List.of(path) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + last);
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> matcher.matches(p.getFileName()))
                    .filter(p -> included.test(relative(root, p)))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String relative(Path root, Path path) {
        return root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
