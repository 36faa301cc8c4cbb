package com.company.onboarding.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.error.Unavailable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    private final Bulkhead bulkhead = new Bulkhead("x", 2, 1, Duration.ofMillis(200));

    @Test
    void refusesAtOnceWhenFullAndLetsInAgainWhenALeaves() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<?> a = CompletableFuture.runAsync(() -> hold(inside, leave));
        CompletableFuture<?> b = CompletableFuture.runAsync(() -> hold(inside, leave));
        inside.await(10, TimeUnit.SECONDS);
        assertEquals(2, bulkhead.inUse());

        assertEquals("x.busy", assertThrows(Unavailable.class, () -> bulkhead.call(() -> "no room")).code());

        leave.countDown();
        a.get();
        b.get();
        assertEquals(0, bulkhead.inUse());
        assertEquals("room", bulkhead.call(() -> "room"));
    }

    @Test
    void aThreadInsideEntersAgainWithoutASecondPlace() {
        Bulkhead one = new Bulkhead("x", 1, 1, Duration.ofSeconds(1));
        assertEquals("nested", one.call(() -> one.call(() -> "nested")));
        assertEquals(0, one.inUse());
    }

    @Test
    void aFailureInsideGivesThePlaceBack() {
        assertThrows(IllegalArgumentException.class, () -> bulkhead.call(() -> {
            throw new IllegalArgumentException("boom");
        }));
        assertEquals(0, bulkhead.inUse());
    }

    @Test
    void aFetchWaitsForASlotAtMostTheGivenTimeThenIsRefused() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> bulkhead.fetch(() -> {
            fetching.countDown();
            return await(finish);
        }));
        fetching.await(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        Unavailable refused = assertThrows(Unavailable.class, () -> bulkhead.fetch(() -> "no slot"));
        assertEquals("x.busy", refused.code());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "it waited for a slot first");

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> bulkhead.fetch(() -> "slot"));
        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertEquals("slot", second.get(10, TimeUnit.SECONDS), "a slot given back lets a waiting fetch in");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void hold(CountDownLatch inside, CountDownLatch leave) {
        bulkhead.call(() -> {
            inside.countDown();
            try {
                return leave.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
