package com.company.onboarding.git;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many requests may be waiting on one remote at once. A request that finds it full is
 * refused at once, never queued: a stalled remote then holds at most {@code capacity} worker
 * threads, and everything that does not need it keeps being answered. A thread already inside
 * enters again freely (a ref's resolution fetches its commit within the same wait).
 */
public final class Bulkhead {

    private final int capacity;
    private final Semaphore permits;
    private final Supplier<? extends RuntimeException> refusal;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /** @param refusal what a request that finds the bulkhead full gets */
    public Bulkhead(int capacity, Supplier<? extends RuntimeException> refusal) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a bulkhead needs room for one request");
        }
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
        this.refusal = refusal;
    }

    /** Room for everyone: for remotes whose waits are bounded otherwise. */
    public static Bulkhead unbounded() {
        return new Bulkhead(Integer.MAX_VALUE, IllegalStateException::new);
    }

    public <T> T call(Supplier<T> work) {
        int[] mine = depth.get();
        if (mine[0] == 0 && !permits.tryAcquire()) {
            depth.remove();
            throw refusal.get();
        }
        mine[0]++;
        try {
            return work.get();
        } finally {
            if (--mine[0] == 0) {
                depth.remove();
                permits.release();
            }
        }
    }

    /** Requests inside now. */
    public int inUse() {
        return capacity - permits.availablePermits();
    }
}
