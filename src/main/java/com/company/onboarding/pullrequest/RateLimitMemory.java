package com.company.onboarding.pullrequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a PR host said about its rate limit, remembered across requests, as GitHub's and GitLab's
 * docs ask: after "wait until the reset" no request goes out before the reset (callers get a 503
 * with the time left, and the host is not called); a secondary limit that repeats waits longer
 * each time (a minute, two, four, ... at most {@link #MAX_BACKOFF}) until an answer is not
 * limited. Thread-safe; time comes from the injected clock.
 */
final class RateLimitMemory {

    /** GitHub's advice when a limit names no time: wait at least a minute. */
    static final Duration UNNAMED_WAIT = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final Clock clock;
    private Instant blockedUntil = Instant.MIN;
    private int secondaryInARow;

    RateLimitMemory(Clock clock) {
        this.clock = clock;
    }

    /** How long requests must still wait, when the host asked for a pause that has not ended. */
    synchronized Optional<Duration> remaining() {
        Duration left = Duration.between(clock.instant(), blockedUntil);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /**
     * The host limited a request. {@code named} is the time the host gave (a reset, a
     * {@code Retry-After}), empty when it named none. A primary limit blocks until its reset; a
     * secondary one for the host's time the first time, then for twice the last backoff. Returns
     * how long to wait.
     */
    synchronized Duration limited(Optional<Duration> named, boolean secondary) {
        Duration wait;
        if (secondary) {
            secondaryInARow++;
            Duration backoff = secondaryInARow == 1 ? Duration.ZERO
                    : UNNAMED_WAIT.multipliedBy(1L << Math.min(secondaryInARow - 2, 16));
            wait = max(named.orElse(UNNAMED_WAIT), backoff);
            wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
        } else {
            wait = named.orElse(UNNAMED_WAIT);
        }
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
        return wait;
    }

    /** An answer that was not a rate limit: the backoff starts over. */
    synchronized void answered() {
        secondaryInARow = 0;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
