package com.company.onboarding.platform;

import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.git.RefResolver;
import com.company.onboarding.git.SingleFlight;
import com.company.onboarding.remotes.Remotes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

/**
 * Reads platform-next's base branch: the profiles file and services.yaml at the branch's
 * current commit, from a local bare mirror, without a work tree.
 *
 * <p>The branch is resolved by the same {@link RefResolver} as metrics-catalog refs, with
 * {@code platform-next.refresh-interval} as its time to live: within it, requests are served
 * from memory and never wait for the remote. After it, the first request asks the remote for
 * the branch's commit (others wait for that one answer), and a new commit is fetched and read
 * once however many requests want it.
 */
@ApplicationScoped
public class PlatformNextReader {

    private static final Logger LOG = Logger.getLogger(PlatformNextReader.class);
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private final PlatformNextConfig config;
    private final Clock clock;
    private final SingleFlight<ObjectId, PlatformSnapshot> reads = new SingleFlight<>();
    private final Mirror mirror;
    private final RefResolver branch;
    private volatile PlatformSnapshot snapshot;

    @Inject
    PlatformNextReader(PlatformNextConfig config, Remotes remotes, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.clock = clock;
        mirror = Mirror.open(remotes.platformNext(), remotes.cacheDirectory("platform-next.git"), meters);
        // No stale grace: an unreachable platform-next is a 503 and readiness goes DOWN, as before.
        branch = new RefResolver(mirror::lsRemote, ref -> config.refreshInterval(), Duration.ZERO, clock);
    }

    @PreDestroy
    void close() {
        mirror.close();
    }

    /** The base branch as of at most one refresh interval ago. */
    public PlatformSnapshot snapshot() {
        String ref = Constants.R_HEADS + config.branch();
        ObjectId head = branch.resolve(ref, List.of(ref), resolution -> read(ref, resolution.commit()))
                .orElseThrow(() -> new Unavailable("platform-next.unavailable",
                        "platform-next has no branch " + config.branch(), Duration.ofSeconds(30), null))
                .commit();
        return read(ref, head);
    }

    /** The snapshot of {@code commit}, fetched and read once however many requests want it. */
    private PlatformSnapshot read(String ref, ObjectId head) {
        PlatformSnapshot current = snapshot;
        if (current != null && current.commit().equals(head)) {
            return current;
        }
        return reads.run(head, () -> {
            ObjectId commit = head;
            if (!mirror.contains(commit)) {
                ObjectId fetched = mirror.fetch(ref, 0);
                // Force-pushed away between ls-remote and fetch: read what the branch is now.
                commit = mirror.contains(commit) ? commit : fetched;
            }
            PlatformSnapshot read = read(commit);
            LOG.debugf("platform-next %s is at %s", config.branch(), commit.name());
            snapshot = read;
            return read;
        });
    }

    /** The mirror, for the pull-request flow which commits on top of the base branch. */
    public Mirror mirror() {
        return mirror;
    }

    private PlatformSnapshot read(ObjectId commit) {
        return PlatformSnapshot.read(commit, clock.instant(), config.profilesPath(), config.servicesPath(),
                path -> mirror.file(commit, path, MAX_FILE_BYTES), "on " + config.branch());
    }
}
