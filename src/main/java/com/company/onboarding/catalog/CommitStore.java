package com.company.onboarding.catalog;

import com.company.onboarding.error.NotFound;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.CommitFetcher;
import com.company.onboarding.git.LocalRepositories;
import com.company.onboarding.git.RemoteClient;
import com.company.onboarding.git.SingleFlight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jboss.logging.Logger;

/**
 * The catalog's commits on disk: {@code commits/<id>.git} is a bare repository holding that
 * commit alone (fetched with depth 1), immutable once there.
 *
 * <p>Crash safety: a fetch is written under {@code tmp/}, made durable, and renamed into
 * {@code commits/} atomically, so a directory there is always complete; eviction renames
 * before deleting. Whatever is under {@code tmp/} at start is a leftover and is deleted.
 *
 * <p>Bounds: at most {@code maxCommits} entries and {@code maxBytes} bytes. After each insert
 * and each released lease, the least recently used entry that no reader holds a {@link Lease}
 * on is removed, until both bounds hold or only held entries and the most recent one remain.
 *
 * <p>Concurrency: requests for one missing commit make one fetch (single flight). How a commit
 * is fetched, and how many fetches run at once, is the {@link CommitFetcher}'s.
 */
public final class CommitStore {

    private static final Logger LOG = Logger.getLogger(CommitStore.class);
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{40}\\.git");
    private static final String LOCAL_REF = "refs/heads/commit";

    /** A reader's hold on one stored commit: it is not evicted until the lease is closed. */
    public final class Lease implements AutoCloseable {
        private final ObjectId commit;
        private final Entry entry;
        private final Repository repository;
        private boolean closed;

        private Lease(ObjectId commit, Entry entry, Repository repository) {
            this.commit = commit;
            this.entry = entry;
            this.repository = repository;
        }

        public ObjectId commit() {
            return commit;
        }

        public Repository repository() {
            return repository;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            repository.close();
            release(entry);
        }
    }

    private static final class Entry {
        final Path directory;
        final long bytes;
        int leases;

        Entry(Path directory, long bytes) {
            this.directory = directory;
            this.bytes = bytes;
        }
    }

    private final CommitFetcher fetcher;
    private final Path commits;
    private final Path tmp;
    private final int maxCommits;
    private final long maxBytes;
    private final SingleFlight<ObjectId, ObjectId> fetches = new SingleFlight<>();
    /** Access-ordered: iteration starts at the least recently used entry. Guarded by {@code this}. */
    private final LinkedHashMap<ObjectId, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public CommitStore(CommitFetcher fetcher, Path root, int maxCommits, long maxBytes) {
        this.fetcher = fetcher;
        this.commits = root.resolve("commits");
        this.tmp = root.resolve("tmp");
        this.maxCommits = maxCommits;
        this.maxBytes = maxBytes;
        open();
    }

    /** Deletes leftovers of an earlier run, and takes up the complete entries it left, oldest first. */
    private void open() {
        try {
            Files.createDirectories(commits);
            Files.createDirectories(tmp);
            try (Stream<Path> leftovers = Files.list(tmp)) {
                leftovers.forEach(CommitStore::deleteTree);
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> list = Files.list(commits)) {
                list.forEach(path -> {
                    if (ENTRY.matcher(path.getFileName().toString()).matches() && Files.isDirectory(path)) {
                        found.add(path);
                    } else {
                        deleteTree(path); // not ours: never trusted
                    }
                });
            }
            found.sort(Comparator.comparing(CommitStore::modified));
            List<Path> doomed;
            synchronized (this) {
                for (Path path : found) {
                    String name = path.getFileName().toString();
                    add(ObjectId.fromString(name.substring(0, 40)), new Entry(path, sizeOf(path, false)));
                }
                doomed = evict();
            }
            doomed.forEach(CommitStore::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics-catalog cache at " + commits.getParent(), e);
        }
    }

    /**
     * A lease on {@code commit}, fetching it first when it is not stored. {@code refs} names
     * remote refs that pointed to it when last asked (fetched shallow first); when none of them
     * still does, the commit is asked for by id, then found among all branches and tags.
     *
     * @throws NotFound    when the remote does not have the commit
     * @throws Unavailable when the remote cannot be reached
     */
    public Lease lease(ObjectId commit, Supplier<List<String>> refs) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Lease> lease = leaseIfPresent(commit);
            if (lease.isPresent()) {
                return lease.get();
            }
            fetches.run(commit.copy(), () -> {
                if (!contains(commit)) {
                    fetch(commit, refs.get());
                }
                return commit;
            });
        }
        // Only when other inserts evicted it three times over: the bounds are too small for the load.
        throw new Unavailable("metrics-catalog.unavailable", "the metrics-catalog cache is too small for the"
                + " commits being read at once; raise metrics-catalog.max-commits", RemoteClient.RETRY_AFTER, null);
    }

    /** A lease on {@code commit} when it is stored; never touches the remote. */
    public Optional<Lease> leaseIfPresent(ObjectId commit) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(commit);
            if (entry == null) {
                return Optional.empty();
            }
            entry.leases++;
        }
        try {
            return Optional.of(new Lease(commit.copy(), entry, FileRepositoryBuilder.create(entry.directory.toFile())));
        } catch (IOException | RuntimeException e) {
            release(entry);
            throw new UncheckedIOException(new IOException("cannot open " + entry.directory, e));
        }
    }

    public synchronized boolean contains(ObjectId commit) {
        return entries.containsKey(commit);
    }

    /** The stored commits, least recently used first. */
    public synchronized List<ObjectId> commits() {
        return List.copyOf(entries.keySet());
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private void fetch(ObjectId commit, List<String> refs) {
        Path work = tmp.resolve(commit.name() + "-" + UUID.randomUUID() + ".git");
        try {
            try (Repository repository = LocalRepositories.createBare(work)) {
                if (!fetcher.fetch(repository, commit, refs, LOCAL_REF, tmp)) {
                    throw new NotFound("catalog.ref.not-found", "the metrics-catalog has no commit " + commit.name());
                }
                RefUpdate update = repository.updateRef(LOCAL_REF);
                update.setNewObjectId(commit);
                update.setForceUpdate(true);
                update.update();
            }
            long size = sizeOf(work, true);
            Path target = commits.resolve(commit.name() + ".git");
            // Only this flight adds this commit, and it is not an entry: anything there is a failed eviction's.
            deleteTree(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            List<Path> doomed;
            synchronized (this) {
                add(commit, new Entry(target, size));
                doomed = evict();
            }
            doomed.forEach(CommitStore::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store commit " + commit.name() + " of the metrics-catalog", e);
        } finally {
            deleteTree(work);
        }
    }

    private void add(ObjectId commit, Entry entry) {
        Entry previous = entries.put(commit.copy(), entry);
        if (previous != null) {
            bytes -= previous.bytes;
        }
        bytes += entry.bytes;
    }

    /** Ends a lease; not a use of the entry, so it does not change the LRU order. */
    private void release(Entry entry) {
        List<Path> doomed;
        synchronized (this) {
            entry.leases--;
            doomed = evict();
        }
        doomed.forEach(CommitStore::deleteTree);
    }

    /**
     * Removes least recently used, unleased entries until the bounds hold, and returns where
     * their directories were moved, for the caller to delete outside the lock. The most recently
     * used entry always stays (it was just fetched or read; one commit larger than the byte bound
     * must not be fetched again on every read).
     */
    private List<Path> evict() {
        List<Path> doomed = new ArrayList<>();
        ObjectId newest = null;
        for (ObjectId id : entries.keySet()) {
            newest = id;
        }
        Iterator<Map.Entry<ObjectId, Entry>> it = entries.entrySet().iterator();
        while ((entries.size() > maxCommits || bytes > maxBytes) && it.hasNext()) {
            Map.Entry<ObjectId, Entry> next = it.next();
            if (next.getValue().leases > 0 || next.getKey().equals(newest)) {
                continue;
            }
            it.remove();
            bytes -= next.getValue().bytes;
            // Renamed under the lock, so a fetch of the same commit can move a fresh copy into place.
            Path away = tmp.resolve("evicted-" + next.getKey().name() + "-" + UUID.randomUUID());
            try {
                Files.move(next.getValue().directory, away, StandardCopyOption.ATOMIC_MOVE);
                doomed.add(away);
            } catch (IOException e) {
                LOG.warnf("cannot remove %s from the metrics-catalog cache: %s", next.getValue().directory, e.getMessage());
            }
            LOG.debugf("evicted metrics-catalog commit %s", next.getKey().name());
        }
        return doomed;
    }

    /** Total size of the files below {@code root}; with {@code sync}, each is forced to disk first. */
    private static long sizeOf(Path root, boolean sync) throws IOException {
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(path)) {
                    total += Files.size(path);
                    if (sync) {
                        try (FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.READ))) {
                            channel.force(true);
                        }
                    }
                }
            }
        }
        return total;
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteTree(Path root) {
        LocalRepositories.delete(root);
    }
}
