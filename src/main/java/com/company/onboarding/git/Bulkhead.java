package com.company.onboarding.git;

import com.company.onboarding.error.Unavailable;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds what waits on one remote, with the two numbers of MicroProfile Fault Tolerance's
 * bulkhead: how many requests may be inside at once ({@link #call}), and, among them, how many
 * fetches may run at once ({@link #fetch}).
 *
 * <p>A request that finds the bulkhead full is refused at once, never queued: a stalled remote
 * then holds at most {@code maxWaiting} worker threads, and everything that does not need it
 * keeps being answered. A thread already inside enters again freely (a ref's resolution fetches
 * its commit within the same wait). A fetch waits at most {@code maxWait} for a free slot. Both
 * refusals are a 503 {@code <remote>.busy}.
 */
public final class Bulkhead {

    private final String remote;
    private final int maxWaiting;
    private final Semaphore waiting;
    private final Semaphore fetching;
    private final Duration maxWait;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * @param remote      the remote's name, for the problem codes ({@code metrics-catalog})
     * @param maxWaiting  requests inside at once
     * @param maxFetching fetches running at once
     * @param maxWait     how long a fetch waits for a slot (the git timeout: a slot is held at most about that long)
     */
    public Bulkhead(String remote, int maxWaiting, int maxFetching, Duration maxWait) {
        if (maxWaiting < 1 || maxFetching < 1) {
            throw new IllegalArgumentException("a bulkhead needs room for one request and one fetch");
        }
        this.remote = remote;
        this.maxWaiting = maxWaiting;
        this.waiting = new Semaphore(maxWaiting);
        this.fetching = new Semaphore(maxFetching, true);
        this.maxWait = maxWait;
    }

    /** Room for everyone: for remotes whose waits are bounded otherwise. */
    public static Bulkhead unbounded() {
        return new Bulkhead("remote", Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);
    }

    /** Runs {@code work} as one of the requests inside; refused at once when the bulkhead is full. */
    public <T> T call(Supplier<T> work) {
        int[] mine = depth.get();
        if (mine[0] == 0 && !waiting.tryAcquire()) {
            depth.remove();
            throw new Unavailable(remote + ".busy", "too many requests are waiting for the " + remote
                    + " already; retry later", RemoteClient.RETRY_AFTER, null);
        }
        mine[0]++;
        try {
            return work.get();
        } finally {
            if (--mine[0] == 0) {
                depth.remove();
                waiting.release();
            }
        }
    }

    /** Runs {@code work} holding a fetch slot, waiting for one at most {@code maxWait}. */
    public <T> T fetch(Supplier<T> work) {
        try {
            if (!fetching.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Unavailable(remote + ".busy", "other fetches from the " + remote + " held every fetch slot"
                        + " for longer than the git timeout; retry later", RemoteClient.RETRY_AFTER, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(remote + ".unavailable", "interrupted while waiting to fetch",
                    RemoteClient.RETRY_AFTER, e);
        }
        try {
            return work.get();
        } finally {
            fetching.release();
        }
    }

    /** Requests inside now. */
    public int inUse() {
        return maxWaiting - waiting.availablePermits();
    }
}
