package com.company.onboarding.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * The output directory, touched only through paths generate owns (relative,
 * {@code /}-separated). Every write goes to a temporary file in the same directory that is then
 * moved over the old one in one step, so a reader (or a run that dies) sees the old bytes or the
 * new, never half. No path leaves the directory, not through a symbolic link either: a
 * directory under it that resolves elsewhere is refused. Safe for threads writing different files.
 */
final class OutputTree {

    /** How a file on disk compares with the bytes generate would write. */
    enum State { ABSENT, DIFFERENT, SAME }

    private static final String TEMPORARY_SUFFIX = ".generating";

    private final Path root;
    private volatile Path realRoot;

    OutputTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    State compare(String path, byte[] bytes) {
        Path file = resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() != bytes.length) {
                return State.DIFFERENT;
            }
            return Arrays.equals(Files.readAllBytes(file), bytes) ? State.SAME : State.DIFFERENT;
        } catch (NoSuchFileException e) {
            return State.ABSENT;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether anything is at {@code path} (a link counts, whether or not it leads anywhere). */
    boolean exists(String path) {
        return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    /** The bytes of a file generate owns, or null when there is none. */
    byte[] read(String path) {
        Path file = resolve(path);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Replaces (or creates) the file in one step, creating its directories. */
    void write(String path, byte[] bytes) {
        Path file = resolve(path);
        Path directory = file.getParent();
        Path temporary = directory.resolve("." + file.getFileName() + TEMPORARY_SUFFIX);
        try {
            Files.createDirectories(directory);
            checkInside(directory);
            Files.write(temporary, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Removes the file (a link is removed, not followed), then each directory above it that is
     * left empty, up to but not including the output directory. Returns whether a file was there.
     */
    boolean remove(String path) {
        Path file = resolve(path);
        try {
            if (!Files.isDirectory(file.getParent())) {
                return false;
            }
            checkInside(file.getParent());
            boolean existed = Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + TEMPORARY_SUFFIX));
            for (Path directory = file.getParent(); directory != null && !directory.equals(root)
                    && directory.startsWith(root); directory = directory.getParent()) {
                if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                    break;
                }
                try {
                    Files.delete(directory);
                } catch (DirectoryNotEmptyException e) {
                    break; // something else lives there: it and its parents stay
                }
            }
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    Path resolve(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException(path + " is outside " + root);
        }
        return file;
    }

    /** A directory on the way may be a link someone placed: writing through it must not leave the tree. */
    private void checkInside(Path directory) throws IOException {
        if (realRoot == null) {
            realRoot = root.toRealPath();
        }
        if (!directory.toRealPath().startsWith(realRoot)) {
            throw new IOException(directory + " leads outside " + root + " through a symbolic link");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the write failed already; that is what is reported
        }
    }
}
