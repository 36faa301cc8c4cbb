package com.company.onboarding.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.company.onboarding.error.Unavailable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    private final Bulkhead bulkhead = new Bulkhead(2, () -> new Unavailable("x.busy", "full", Duration.ofSeconds(1), null));

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
        Bulkhead one = new Bulkhead(1, () -> new IllegalStateException("full"));
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
