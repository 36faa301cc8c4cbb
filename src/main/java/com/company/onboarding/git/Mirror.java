package com.company.onboarding.git;

import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * A local bare repository holding what we fetched from one remote. Objects are immutable and
 * addressed by id, so reads need no lock and no work tree; fetches into it are serialised.
 * Every remote operation has the remote's timeout, and every failure to reach the remote is
 * an {@link Unavailable} (503) naming the remote but never its credentials.
 */
public final class Mirror implements AutoCloseable {

    /** Where fetched refs are kept, apart from the mirror's own branches. */
    public static final String MIRROR_REFS = "refs/mirror/";

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final GitRemote remote;
    private final Repository repository;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private final Counter fetches;
    private final Counter fetchFailures;
    private final Counter lsRemotes;
    private final Timer fetchDuration;

    private Mirror(GitRemote remote, Repository repository, MeterRegistry meters) {
        this.remote = remote;
        this.repository = repository;
        this.fetches = Counter.builder("onboarding.git.fetches").tag("repository", remote.name())
                .description("Fetches from the remote").register(meters);
        this.fetchFailures = Counter.builder("onboarding.git.fetch.failures").tag("repository", remote.name())
                .description("Fetches from the remote that failed").register(meters);
        this.lsRemotes = Counter.builder("onboarding.git.ls-remote").tag("repository", remote.name())
                .description("Ref listings asked of the remote").register(meters);
        this.fetchDuration = Timer.builder("onboarding.git.fetch.duration").tag("repository", remote.name())
                .description("Duration of fetches from the remote").register(meters);
    }

    /** Opens the bare mirror at {@code directory}, creating it when absent. */
    public static Mirror open(GitRemote remote, Path directory, MeterRegistry meters) {
        try {
            Files.createDirectories(directory);
            Repository repository = FileRepositoryBuilder.create(directory.toFile());
            if (!Files.exists(directory.resolve("objects"))) {
                repository.create(true);
            }
            return new Mirror(remote, repository, meters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the git cache at " + directory, e);
        }
    }

    public GitRemote remote() {
        return remote;
    }

    public Repository repository() {
        return repository;
    }

    /** The remote's refs, each with the commit it points to (annotated tags peeled). */
    public RemoteRefs lsRemote() {
        lsRemotes.increment();
        LsRemoteCommand command = Git.lsRemoteRepository()
                .setRemote(remote.url().value())
                .setTimeout(remote.timeoutSeconds());
        remote.credentials().ifPresent(command::setCredentialsProvider);
        try {
            Collection<Ref> refs = command.call();
            Map<String, ObjectId> result = new LinkedHashMap<>();
            Optional<String> defaultBranch = Optional.empty();
            for (Ref ref : refs) {
                ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                if (id != null) {
                    result.put(ref.getName(), id);
                }
                if (ref.getName().equals(Constants.HEAD) && ref.isSymbolic()) {
                    defaultBranch = Optional.of(ref.getTarget().getName());
                }
            }
            return new RemoteRefs(result, defaultBranch);
        } catch (GitAPIException | RuntimeException e) {
            throw unavailable("cannot list refs of", e);
        }
    }

    /**
     * Fetches one remote ref (branch or tag) and returns the commit it points to.
     * Concurrent fetches into this mirror are serialised; {@code depth} 0 means full history.
     */
    public ObjectId fetch(String remoteRef, int depth) {
        fetchLock.lock();
        try {
            String local = MIRROR_REFS + remoteRef.substring("refs/".length());
            FetchCommand command = Git.wrap(repository).fetch()
                    .setRemote(remote.url().value())
                    .setRefSpecs(new RefSpec("+" + remoteRef + ":" + local))
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setTimeout(remote.timeoutSeconds());
            if (depth > 0) {
                command.setDepth(depth);
            }
            remote.credentials().ifPresent(command::setCredentialsProvider);
            long start = System.nanoTime();
            try {
                command.call();
            } catch (GitAPIException | RuntimeException e) {
                fetchFailures.increment();
                throw unavailable("cannot fetch " + remoteRef + " from", e);
            } finally {
                fetches.increment();
                fetchDuration.record(Duration.ofNanos(System.nanoTime() - start));
            }
            Ref ref = repository.exactRef(local);
            if (ref == null) {
                throw new Unavailable(remote.name() + ".unavailable",
                        remote.name() + " did not send " + remoteRef, RETRY_AFTER, null);
            }
            return peel(ref.getObjectId());
        } catch (IOException e) {
            throw unavailable("cannot store what was fetched from", e);
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
        try (ObjectReader reader = repository.newObjectReader(); RevWalk revWalk = new RevWalk(reader);
                TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(revWalk.parseCommit(commit).getTree());
            walk.setRecursive(true);
            if (!directory.isEmpty()) {
                walk.setFilter(PathFilter.create(directory));
            }
            while (walk.next()) {
                if (walk.getFileMode(0) != FileMode.REGULAR_FILE && walk.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                files.put(walk.getPathString(), reader.open(walk.getObjectId(0)).getCachedBytes(maxFileBytes));
            }
            return files;
        } catch (LargeObjectException e) {
            throw new UpstreamInvalid(remote.name() + ".file.too-large",
                    "a file in " + remote.name() + " is larger than " + maxFileBytes + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One regular file at {@code commit}, if present. */
    public Optional<byte[]> file(AnyObjectId commit, String path, int maxFileBytes) {
        byte[] bytes = files(commit, path, maxFileBytes).get(path);
        return Optional.ofNullable(bytes);
    }

    private ObjectId peel(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id).getId();
        }
    }

    private Unavailable unavailable(String what, Exception cause) {
        // The cause may carry the URL with credentials; only our own words reach the client.
        return new Unavailable(remote.name() + ".unavailable",
                what + " " + remote.name() + ": the remote did not answer in time or refused the request",
                RETRY_AFTER, cause);
    }

    @Override
    public void close() {
        repository.close();
    }
}
