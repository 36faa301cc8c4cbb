package com.company.onboarding.git;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Concurrent calls for the same key share one execution of the work: the first caller runs it,
 * the others wait for its result (or its exception). Nothing is remembered once the work is
 * done, so a failure is never cached: the next call tries again.
 */
public final class SingleFlight<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> flights = new ConcurrentHashMap<>();

    public V run(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** Keys whose work is running now. */
    public int inFlight() {
        return flights.size();
    }

    private static <V> V await(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            // The leader's own exception, so every waiter fails the way the leader did.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
