package com.company.onboarding.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final SingleFlight<String, String> flights = new SingleFlight<>();

    @Test
    void concurrentCallsForOneKeyShareOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = runConcurrently(10, () -> flights.run("k", () -> {
            runs.incrementAndGet();
            await(release);
            return "value";
        }), () -> releaseOnceQueued(release));
        for (Future<String> result : results) {
            assertEquals("value", result.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, runs.get());
        assertEquals(0, flights.inFlight());
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotRemembered() throws Exception {
        IllegalStateException failure = new IllegalStateException("remote down");
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = runConcurrently(5, () -> flights.run("k", () -> {
            await(release);
            throw failure;
        }), () -> releaseOnceQueued(release));
        for (Future<String> result : results) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
            assertSame(failure, e.getCause());
        }
        assertEquals("again", flights.run("k", () -> "again"));
    }

    private static List<Future<String>> runConcurrently(int n, java.util.concurrent.Callable<String> task, Runnable then)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(task));
            }
            then.run();
            return results;
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Lets the first caller finish once it runs and the others have had time to queue behind it. */
    private void releaseOnceQueued(CountDownLatch release) {
        while (flights.inFlight() == 0) {
            Thread.onSpinWait();
        }
        sleep(200);
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
