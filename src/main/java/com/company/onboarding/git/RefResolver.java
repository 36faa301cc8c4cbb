package com.company.onboarding.git;

import com.company.onboarding.error.Unavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Resolves refs of one remote to commits by asking the remote ({@code ls-remote}, no objects
 * fetched), and trusts each answer for a time that depends on what the ref turned out to be
 * (long for a tag, short for a branch). Concurrent requests for a ref whose answer expired
 * make one {@code ls-remote} together, and one run of the caller's {@code prepare} (fetching
 * and reading the commit): an answer is recorded, and its time to live starts, only once it is
 * prepared, so a failed fetch is never remembered. When the remote cannot be reached, an
 * expired answer is still served, marked stale, for at most {@code staleGrace} after it
 * expired; then the remote's 503 goes to the caller.
 */
public final class RefResolver {

    /**
     * What a ref pointed to when last asked.
     *
     * @param refName    the full ref that matched ({@code refs/tags/v1}); for {@code HEAD}, the branch it names when the remote says
     * @param commit     the commit it pointed to (annotated tags peeled)
     * @param resolvedAt when the remote said so and the commit was prepared
     * @param stale      true when served past its time to live because the remote is unreachable
     */
    public record Resolution(String refName, ObjectId commit, Instant resolvedAt, boolean stale) {

        public boolean isTag() {
            return refName.startsWith(Constants.R_TAGS);
        }

        /** The name without {@code refs/heads/} or {@code refs/tags/}. */
        public String shortName() {
            return Repository.shortenRefName(refName);
        }
    }

    private final Supplier<RemoteRefs> lsRemote;
    private final Function<String, Duration> ttl;
    private final Duration staleGrace;
    private final Clock clock;
    private final ConcurrentMap<String, Resolution> known = new ConcurrentHashMap<>();
    private final SingleFlight<String, Optional<Resolution>> flights = new SingleFlight<>();
    private final Bulkhead gate;

    /**
     * @param lsRemote   lists the remote's refs (throws {@link Unavailable} when it cannot)
     * @param ttl        how long an answer is trusted, by the full ref name it resolved to
     * @param staleGrace how long after expiry an answer may still be served while the remote is down
     */
    public RefResolver(Supplier<RemoteRefs> lsRemote, Function<String, Duration> ttl, Duration staleGrace, Clock clock) {
        this(lsRemote, ttl, staleGrace, clock, Bulkhead.unbounded());
    }

    /**
     * @param gate what a request that has to ask the remote (or wait for another request's
     *             answer) passes first; its refusal is served like the remote's: from a stale
     *             answer while there is one
     */
    public RefResolver(Supplier<RemoteRefs> lsRemote, Function<String, Duration> ttl, Duration staleGrace, Clock clock,
            Bulkhead gate) {
        this.lsRemote = lsRemote;
        this.ttl = ttl;
        this.staleGrace = staleGrace;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * The first of {@code candidates} (full ref names, or {@code HEAD}) that the remote has.
     * {@code key} names the question (e.g. the short name asked for); answers are kept by it.
     * Empty when the remote has none of them.
     */
    public Optional<Resolution> resolve(String key, List<String> candidates) {
        return resolve(key, candidates, resolution -> { });
    }

    /**
     * As {@link #resolve(String, List)}, running {@code prepare} on a new answer before it is
     * recorded (within the single flight); an exception from it fails the request and records nothing.
     */
    public Optional<Resolution> resolve(String key, List<String> candidates, Consumer<Resolution> prepare) {
        Resolution last = known.get(key);
        Instant now = clock.instant();
        if (isFresh(last, now)) {
            return Optional.of(last);
        }
        try {
            return gate.call(() -> flights.run(key, () -> ask(key, candidates, prepare)));
        } catch (Unavailable e) {
            if (last != null && now.isBefore(last.resolvedAt().plus(ttl.apply(last.refName())).plus(staleGrace))) {
                return Optional.of(new Resolution(last.refName(), last.commit(), last.resolvedAt(), true));
            }
            throw e;
        }
    }

    /** Forgets every answer, so the next request asks the remote. */
    public void forget() {
        known.clear();
    }

    private boolean isFresh(Resolution resolution, Instant now) {
        return resolution != null && now.isBefore(resolution.resolvedAt().plus(ttl.apply(resolution.refName())));
    }

    private Optional<Resolution> ask(String key, List<String> candidates, Consumer<Resolution> prepare) {
        // A flight that ended just before this one started may have answered already.
        Resolution answered = known.get(key);
        if (isFresh(answered, clock.instant())) {
            return Optional.of(answered);
        }
        RemoteRefs refs = lsRemote.get();
        for (String candidate : candidates) {
            Optional<ObjectId> commit = refs.get(candidate);
            if (commit.isPresent()) {
                String name = candidate.equals(Constants.HEAD) ? refs.defaultBranch().orElse(candidate) : candidate;
                prepare.accept(new Resolution(name, commit.get(), clock.instant(), false));
                Resolution resolution = new Resolution(name, commit.get(), clock.instant(), false);
                known.put(key, resolution);
                return Optional.of(resolution);
            }
        }
        known.remove(key);
        return Optional.empty();
    }
}
