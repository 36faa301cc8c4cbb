package com.company.onboarding.git;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.RefResolver.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** Time to live, stale grace and single flight of ref resolution, on a clock the test moves. */
class RefResolverTest {

    private static final ObjectId A = ObjectId.fromString("a".repeat(40));
    private static final ObjectId B = ObjectId.fromString("b".repeat(40));
    private static final Duration BRANCH_TTL = Duration.ofSeconds(60);
    private static final Duration TAG_TTL = Duration.ofHours(1);
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final MovableClock clock = new MovableClock();
    private final Map<String, ObjectId> remote = new HashMap<>();
    private final AtomicInteger listings = new AtomicInteger();
    private volatile boolean down;
    private volatile CountDownLatch gate;

    /** Every request that has to ask the remote passes it: the test counts them there. */
    private final Bulkhead bulkhead = Bulkhead.unbounded();
    private final RefResolver resolver = new RefResolver(this::lsRemote,
            name -> name.startsWith("refs/tags/") ? TAG_TTL : BRANCH_TTL, GRACE, clock, bulkhead);

    private RemoteRefs lsRemote() {
        listings.incrementAndGet();
        if (gate != null) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            throw new Unavailable("metrics-catalog.unavailable", "down", Duration.ofSeconds(10), null);
        }
        return new RemoteRefs(remote, Optional.of("refs/heads/main"));
    }

    private Optional<Resolution> resolve(String name) {
        return resolver.resolve(name, List.of("refs/tags/" + name, "refs/heads/" + name));
    }

    @Test
    void aBranchIsTrustedForItsTtlThenAskedAgain() {
        remote.put("refs/heads/main", A);
        assertEquals(A, resolve("main").orElseThrow().commit());
        remote.put("refs/heads/main", B);
        clock.advance(BRANCH_TTL.minusSeconds(1));
        assertEquals(A, resolve("main").orElseThrow().commit());
        assertEquals(1, listings.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(B, resolve("main").orElseThrow().commit());
        assertEquals(2, listings.get());
    }

    @Test
    void aTagIsTrustedLongerThanABranchAndWinsOverABranchOfTheSameName() {
        remote.put("refs/tags/v1", A);
        remote.put("refs/heads/v1", B);
        Resolution tag = resolve("v1").orElseThrow();
        assertTrue(tag.isTag());
        assertEquals("v1", tag.shortName());
        assertEquals(A, tag.commit());
        clock.advance(BRANCH_TTL.multipliedBy(10));
        resolve("v1");
        assertEquals(1, listings.get());
        clock.advance(TAG_TTL);
        resolve("v1");
        assertEquals(2, listings.get());
    }

    @Test
    void anExpiredAnswerIsServedStaleWithinTheGraceAndThenTheRemotesErrorIsThrown() {
        remote.put("refs/heads/main", A);
        resolve("main");
        down = true;
        clock.advance(BRANCH_TTL.plusSeconds(1));
        Resolution stale = resolve("main").orElseThrow();
        assertTrue(stale.stale());
        assertEquals(A, stale.commit());
        clock.advance(GRACE.minusSeconds(2));
        assertTrue(resolve("main").orElseThrow().stale());
        clock.advance(Duration.ofSeconds(2));
        assertThrows(Unavailable.class, () -> resolve("main"));
        down = false;
        assertFalse(resolve("main").orElseThrow().stale());
    }

    @Test
    void anAnswerIsRecordedOnlyOncePreparedAndItsTtlStartsThen() {
        remote.put("refs/heads/main", A);
        List<String> candidates = List.of("refs/heads/main");
        assertThrows(IllegalStateException.class, () -> resolver.resolve("main", candidates, r -> {
            throw new IllegalStateException("fetch failed");
        }));
        resolver.resolve("main", candidates, r -> clock.advance(Duration.ofSeconds(30)));
        assertEquals(2, listings.get(), "a failed preparation is not remembered");
        clock.advance(BRANCH_TTL.minusSeconds(1));
        resolver.resolve("main", candidates);
        assertEquals(2, listings.get(), "the TTL counts from when the answer was prepared");
    }

    @Test
    void aRefNeverResolvedIsNotServedStale() {
        down = true;
        assertThrows(Unavailable.class, () -> resolve("main"));
    }

    @Test
    void anUnknownRefIsEmptyAndNotRemembered() {
        assertTrue(resolve("v2").isEmpty());
        remote.put("refs/tags/v2", B);
        assertEquals(B, resolve("v2").orElseThrow().commit());
        assertEquals(2, listings.get());
    }

    @Test
    void headResolvesToTheBranchItNames() {
        remote.put("HEAD", A);
        Resolution head = resolver.resolve("HEAD", List.of("HEAD")).orElseThrow();
        assertEquals("refs/heads/main", head.refName());
        assertEquals("main", head.shortName());
        assertFalse(head.isTag());
    }

    @Test
    void concurrentRequestsForAnExpiredRefMakeOneListing() throws Exception {
        remote.put("refs/heads/main", A);
        gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Optional<Resolution>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> resolve("main")));
            }
            // All ten found no answer and wait for the remote, one of them listing its refs.
            await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.inUse() == 10);
            gate.countDown();
            for (Future<Optional<Resolution>> answer : answers) {
                assertEquals(A, answer.get(10, TimeUnit.SECONDS).orElseThrow().commit());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, listings.get());
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-11-20T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
