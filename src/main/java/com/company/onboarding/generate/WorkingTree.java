package com.company.onboarding.generate;

import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.platform.PlatformSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * platform-next's files as they are in a working tree (a CI checkout), for
 * {@link PlatformSnapshot#read}: git is not involved, so what CI checked out, committed or not,
 * is what is read. A path never leaves the tree, not through {@code ..} and not through a
 * symbolic link; a file is read up to the bound the service reads platform-next with.
 */
final class WorkingTree implements PlatformSnapshot.Files {

    private final Path root;
    private final Set<String> missing = new HashSet<>();

    private WorkingTree(Path root) {
        this.root = root;
    }

    /** @throws Unreadable when {@code directory} is not a readable directory */
    static WorkingTree open(Path directory) {
        try {
            Path root = directory.toRealPath();
            if (!Files.isDirectory(root)) {
                throw new Unreadable("the platform-next working tree " + directory + " is not a directory");
            }
            return new WorkingTree(root);
        } catch (NoSuchFileException e) {
            throw new Unreadable("the platform-next working tree " + directory + " does not exist");
        } catch (IOException e) {
            throw new Unreadable("the platform-next working tree " + directory + " cannot be read: " + e);
        }
    }

    Path root() {
        return root;
    }

    /**
     * The file at {@code path} (relative, {@code /}-separated, as configured); empty when there is
     * none, which {@link #isMissing} then remembers.
     *
     * @throws Unreadable when the path leaves the tree, is not a regular file, is too large or fails to read
     */
    @Override
    public Optional<byte[]> read(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new Unreadable(path + " is outside the platform-next working tree " + root);
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(path);
            return Optional.empty();
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                throw new Unreadable(path + " in " + root + " is a link to outside the working tree");
            }
            if (!Files.isRegularFile(real)) {
                throw new Unreadable(path + " in " + root + " is not a regular file");
            }
            try (InputStream in = Files.newInputStream(real)) {
                byte[] bytes = in.readNBytes(PlatformNextReader.MAX_FILE_BYTES + 1);
                if (bytes.length > PlatformNextReader.MAX_FILE_BYTES) {
                    throw new Unreadable(path + " in " + root + " is larger than "
                            + PlatformNextReader.MAX_FILE_BYTES / (1024 * 1024) + " MiB");
                }
                return Optional.of(bytes);
            }
        } catch (NoSuchFileException e) {
            // a link to nowhere
            missing.add(path);
            return Optional.empty();
        } catch (IOException e) {
            throw new Unreadable(path + " in " + root + " cannot be read: " + e.getMessage());
        }
    }

    /** Whether {@link #read} found no file at {@code path}. */
    boolean isMissing(String path) {
        return missing.contains(path);
    }

    /** The working tree cannot be read as asked: exit 3, like a remote that cannot be reached. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
