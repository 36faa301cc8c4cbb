package com.company.onboarding.git;

import com.company.onboarding.error.UpstreamInvalid;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A local bare repository holding what we fetched from one remote. Objects are immutable and
 * addressed by id, so reads need no lock and no work tree; fetches into it are serialised.
 * Remote operations go through {@link RemoteClient}: timeouts, metrics, and a 503 that names
 * the remote but never its credentials.
 */
public final class Mirror implements AutoCloseable {

    /** Where fetched refs are kept, apart from the mirror's own branches. */
    public static final String MIRROR_REFS = "refs/mirror/";

    private final RemoteClient client;
    private final Repository repository;
    private final ReentrantLock fetchLock = new ReentrantLock();

    private Mirror(RemoteClient client, Repository repository) {
        this.client = client;
        this.repository = repository;
    }

    /** Opens the bare mirror at {@code directory}, creating it when absent. */
    public static Mirror open(GitRemote remote, Path directory, MeterRegistry meters) {
        try {
            Files.createDirectories(directory);
            Repository repository = FileRepositoryBuilder.create(directory.toFile());
            if (!Files.exists(directory.resolve("objects"))) {
                repository.create(true);
            }
            return new Mirror(new RemoteClient(remote, meters), repository);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the git cache at " + directory, e);
        }
    }

    public GitRemote remote() {
        return client.remote();
    }

    public RemoteClient client() {
        return client;
    }

    public Repository repository() {
        return repository;
    }

    /** The remote's refs, each with the commit it points to (annotated tags peeled). */
    public RemoteRefs lsRemote() {
        return client.lsRemote();
    }

    /**
     * Fetches one remote ref (branch or tag) and returns the commit it points to.
     * Concurrent fetches into this mirror are serialised; {@code depth} 0 means full history.
     */
    public ObjectId fetch(String remoteRef, int depth) {
        fetchLock.lock();
        try {
            return client.fetch(repository, remoteRef, MIRROR_REFS + remoteRef.substring("refs/".length()), depth);
        } finally {
            fetchLock.unlock();
        }
    }

    /** Whether the mirror already holds this commit (so no fetch is needed to read it). */
    public boolean contains(AnyObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.parseCommit(commit);
            return true;
        } catch (MissingObjectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    public RevCommit commit(AnyObjectId id) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The regular files below {@code directory} at {@code commit}, by path, sorted. Symlinks and
     * submodules are skipped: a repository cannot make us read outside itself.
     */
    public SortedMap<String, byte[]> files(AnyObjectId commit, String directory, int maxFileBytes) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            List<String> under = directory.isEmpty() ? List.of() : List.of(directory);
            for (Map.Entry<String, ObjectId> file : GitTrees.regularFiles(repository, commit, under).entrySet()) {
                files.put(file.getKey(), repository.open(file.getValue()).getCachedBytes(maxFileBytes));
            }
            return files;
        } catch (LargeObjectException e) {
            throw new UpstreamInvalid(remote().name() + ".file.too-large",
                    "a file in " + remote().name() + " is larger than " + maxFileBytes + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One regular file at {@code commit}, if present. */
    public Optional<byte[]> file(AnyObjectId commit, String path, int maxFileBytes) {
        byte[] bytes = files(commit, path, maxFileBytes).get(path);
        return Optional.ofNullable(bytes);
    }

    @Override
    public void close() {
        repository.close();
    }
}
