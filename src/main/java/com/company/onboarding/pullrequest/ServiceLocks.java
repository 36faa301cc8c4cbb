package com.company.onboarding.pullrequest;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per service name within this replica, so concurrent requests for one service take
 * turns (the first creates, the next find what it created) while other services go on in
 * parallel. Waiting is bounded. A name's lock is dropped when nobody holds or waits for it, so
 * the map does not grow with every name ever asked for. Across replicas git is the lock (a
 * push with a lease), not this.
 */
final class ServiceLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    /** @return the held lock, or empty when {@code timeout} passed first */
    java.util.Optional<Held> acquire(String name, Duration timeout) throws InterruptedException {
        Entry entry = locks.compute(name, (key, current) -> {
            Entry e = current == null ? new Entry() : current;
            e.users++;
            return e;
        });
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            if (!locked) {
                release(name);
            }
        }
        if (!locked) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(() -> {
            entry.lock.unlock();
            release(name);
        });
    }

    /** Names with a lock held or awaited: none once every request is done, however many names were asked for. */
    int size() {
        return locks.size();
    }

    private void release(String name) {
        locks.computeIfPresent(name, (key, entry) -> --entry.users == 0 ? null : entry);
    }
}
