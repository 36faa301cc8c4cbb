package com.company.onboarding.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jboss.logging.Logger;

/** Scratch bare repositories on disk: created for one fetch, then moved into place or deleted. */
public final class LocalRepositories {

    private static final Logger LOG = Logger.getLogger(LocalRepositories.class);

    private LocalRepositories() {
    }

    /** A new bare repository at {@code directory}, with JGit's automatic gc off. */
    public static Repository createBare(Path directory) throws IOException {
        Repository repository = FileRepositoryBuilder.create(directory.toFile());
        repository.create(true);
        // JGit may start a background gc after a fetch; it would write into a directory being moved.
        repository.getConfig().setInt("gc", null, "auto", 0);
        repository.getConfig().setBoolean("gc", null, "autoDetach", false);
        repository.getConfig().save();
        return repository;
    }

    /** Deletes {@code root} and everything below it, as far as it can; a leftover is only logged. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debugf("cannot delete %s: %s", path, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.debugf("cannot delete %s: %s", root, e.getMessage());
        }
    }
}
