package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One lock per service name: turns for one name, none for others, and nothing kept once done. */
class ServiceLocksTest {

    private final ServiceLocks locks = new ServiceLocks();

    @Test
    void aSecondHolderOfOneNameWaitsAtMostItsTimeoutWhileOtherNamesGoOn() throws Exception {
        try (ServiceLocks.Held held = locks.acquire("alpha", Duration.ofSeconds(1)).orElseThrow()) {
            // Another request (the locks are reentrant for the thread that holds them).
            assertEquals(Optional.empty(), elsewhere(() -> locks.acquire("alpha", Duration.ofMillis(50))), "alpha is taken");
            try (ServiceLocks.Held other = locks.acquire("beta", Duration.ofMillis(50)).orElseThrow()) {
                assertEquals(2, locks.size());
            }
            assertEquals(1, locks.size(), "a timed-out waiter and a released name leave nothing behind");
        }
        assertEquals(0, locks.size());
        locks.acquire("alpha", Duration.ZERO).orElseThrow().close();
    }

    private static <T> T elsewhere(Callable<T> call) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(call).get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }

    @Test
    void manyRequestsForManyNamesLeaveNoLockBehind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> turns = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = "svc-" + (i % 4);
                turns.add(pool.submit(() -> {
                    start.await();
                    Optional<ServiceLocks.Held> held = locks.acquire(name, Duration.ofSeconds(30));
                    held.ifPresent(ServiceLocks.Held::close);
                    return held.isPresent();
                }));
            }
            start.countDown();
            for (Future<Boolean> turn : turns) {
                assertTrue(turn.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, locks.size(), "the map does not keep every name ever asked for");
    }
}
