package com.company.onboarding.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.error.NotFound;
import com.company.onboarding.git.Bulkhead;
import com.company.onboarding.git.CommitFetcher;
import com.company.onboarding.git.GitRemote;
import com.company.onboarding.git.GitUrl;
import com.company.onboarding.git.RemoteClient;
import com.company.onboarding.testing.CatalogFixture;
import com.company.onboarding.testing.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The disk store on its own: crash leftovers, restarts, bounds, single flight, unknown commits. */
class CommitStoreTest {

    private CatalogFixture catalog;
    private Path root;
    private SimpleMeterRegistry meters;
    private RemoteClient remote;

    @BeforeEach
    void setUp() {
        Path dir = Fixtures.freshDirectory("commit-store");
        catalog = CatalogFixture.create(dir.resolve("metrics-catalog.git"));
        root = dir.resolve("cache");
        meters = new SimpleMeterRegistry();
        remote = new RemoteClient(new GitRemote("metrics-catalog", new GitUrl(catalog.repo().url()), "x",
                Optional.empty(), Duration.ofSeconds(5)), meters);
    }

    @AfterEach
    void tearDown() {
        catalog.repo().close();
    }

    private CommitStore store(int maxCommits, long maxBytes) {
        return new CommitStore(new CommitFetcher(remote, new Bulkhead("metrics-catalog", 32, 2, Duration.ofSeconds(5))),
                root, maxCommits, maxBytes);
    }

    private ObjectId commit(String name) {
        return ObjectId.fromString(catalog.commit(name));
    }

    private double fetches() {
        return meters.get("onboarding.git.fetches").counter().count();
    }

    private void read(CommitStore store, String name, String ref) throws IOException {
        try (CommitStore.Lease lease = store.lease(commit(name), () -> List.of(ref))) {
            assertFalse(new CatalogReader().read(lease.repository(), commit(name)).services().isEmpty());
        }
    }

    @Test
    void aRestartReusesCompleteEntriesAndDeletesWhatACrashLeftBehind() throws Exception {
        CommitStore first = store(10, Long.MAX_VALUE);
        read(first, "v1", "refs/tags/v1.0.0");
        assertEquals(1, fetches());
        // A crash mid-fetch leaves a directory under tmp/ (here even a complete-looking copy of
        // another commit); a stray file under commits/ is not an entry either.
        Path complete = root.resolve("commits").resolve(commit("v1").name() + ".git");
        Path leftover = root.resolve("tmp").resolve(commit("v2").name() + "-crashed.git");
        copyTree(complete, leftover);
        Files.writeString(root.resolve("commits").resolve("notes.txt"), "not an entry");

        CommitStore second = store(10, Long.MAX_VALUE);
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertEquals(0, tmp.count(), "leftovers are deleted at start");
        }
        assertFalse(Files.exists(root.resolve("commits").resolve("notes.txt")));
        assertEquals(List.of(commit("v1")), second.commits());
        assertTrue(second.bytes() > 0);
        read(second, "v1", "refs/tags/v1.0.0");
        assertEquals(1, fetches(), "an entry from before the restart is read without fetching");
        assertFalse(second.contains(commit("v2")), "nothing of the crashed fetch is trusted");
        read(second, "v2", "refs/tags/v2.0.0");
        assertEquals(2, fetches());
    }

    @Test
    void aByteBoundEvictsTheLeastRecentlyUsedButNeverAHeldCommit() throws Exception {
        CommitStore store = store(10, 1);
        read(store, "evict-a", "refs/tags/evict-a");
        try (CommitStore.Lease held = store.lease(commit("evict-a"), List::of)) {
            read(store, "evict-b", "refs/tags/evict-b");
            read(store, "evict-c", "refs/tags/evict-c");
            assertEquals(List.of(commit("evict-a"), commit("evict-c")), store.commits());
            assertEquals(3, fetches());
        }
        assertEquals(List.of(commit("evict-c")), store.commits(), "released, it is over the bound and goes");
        try (Stream<Path> dirs = Files.list(root.resolve("commits"))) {
            assertEquals(List.of(commit("evict-c").name() + ".git"), dirs.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void concurrentLeasesOfAMissingCommitMakeOneFetch() throws Exception {
        CommitStore store = store(10, Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    try (CommitStore.Lease lease = store.lease(commit("cold-file"), () -> List.of("refs/tags/cold-file"))) {
                        return new CatalogReader().read(lease.repository(), lease.commit()).services().get(0);
                    }
                }));
            }
            start.countDown();
            for (Future<String> read : reads) {
                assertEquals("cold-file", read.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fetches());
    }

    @Test
    void aCommitNoRefReachesIsFoundInTheHistoryAndStoredAlone() throws Exception {
        CommitStore store = store(10, Long.MAX_VALUE);
        read(store, "initial", "refs/heads/main"); // main moved on: the id is asked for, then the history
        try (CommitStore.Lease lease = store.leaseIfPresent(commit("initial")).orElseThrow()) {
            assertEquals(List.of("payment-processor"),
                    new CatalogReader().read(lease.repository(), commit("initial")).services());
            assertTrue(lease.repository().getObjectDatabase().getShallowCommits().contains(commit("initial")),
                    "only the commit itself is kept, not its history");
        }
    }

    @Test
    void aCommitTheRemoteDoesNotHaveIsNotFoundAndLeavesNothing() throws Exception {
        CommitStore store = store(10, Long.MAX_VALUE);
        ObjectId unknown = ObjectId.fromString("0123456789".repeat(4));
        assertThrows(NotFound.class, () -> store.lease(unknown, List::of));
        assertEquals(0, store.size());
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
