package com.company.onboarding.platform;

import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.git.Remotes;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.StrictTree.InvalidTree;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.profile.ProfileParser;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

/**
 * Reads platform-next's base branch: the profiles file and services.yaml at the branch's
 * current commit, from a local bare mirror, without a work tree.
 *
 * <p>A read is trusted for {@code platform-next.refresh-interval}: within it, requests are
 * served from memory and never wait for the remote. After it, the first request asks the
 * remote for the branch's commit (others wait for that one answer, not for their own), and
 * fetches only when the commit is new to the mirror.
 */
@ApplicationScoped
public class PlatformNextReader {

    private static final Logger LOG = Logger.getLogger(PlatformNextReader.class);
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    @Inject
    PlatformNextConfig config;
    @Inject
    Remotes remotes;
    @Inject
    MeterRegistry meters;

    Clock clock = Clock.systemUTC();

    private final ReentrantLock refreshLock = new ReentrantLock();
    private Mirror mirror;
    private volatile PlatformSnapshot snapshot;
    private volatile Instant checkedAt = Instant.MIN;

    @PostConstruct
    void open() {
        mirror = Mirror.open(remotes.platformNext(), remotes.cacheDirectory("platform-next.git"), meters);
    }

    @PreDestroy
    void close() {
        mirror.close();
    }

    /** The base branch as of at most one refresh interval ago. */
    public PlatformSnapshot snapshot() {
        PlatformSnapshot current = snapshot;
        if (current != null && isFresh()) {
            return current;
        }
        refreshLock.lock();
        try {
            if (snapshot != null && isFresh()) {
                return snapshot;
            }
            return refresh();
        } finally {
            refreshLock.unlock();
        }
    }

    /** The mirror, for the pull-request flow which commits on top of the base branch. */
    public Mirror mirror() {
        return mirror;
    }

    private boolean isFresh() {
        return Duration.between(checkedAt, clock.instant()).compareTo(config.refreshInterval()) < 0;
    }

    private PlatformSnapshot refresh() {
        String branch = Constants.R_HEADS + config.branch();
        ObjectId head = mirror.lsRemote().get(branch).orElseThrow(() -> new Unavailable("platform-next.unavailable",
                "platform-next has no branch " + config.branch(), Duration.ofSeconds(30), null));
        PlatformSnapshot current = snapshot;
        if (current == null || !current.commit().equals(head)) {
            if (!mirror.contains(head)) {
                mirror.fetch(branch, 0);
            }
            current = read(head);
            LOG.debugf("platform-next %s is at %s", config.branch(), head.name());
            snapshot = current;
        }
        checkedAt = clock.instant();
        return current;
    }

    private PlatformSnapshot read(ObjectId commit) {
        Map<String, MonitoringProfile> profiles = null;
        UpstreamInvalid profilesError = null;
        try {
            profiles = parse(commit, config.profilesPath(), ProfileParser::parse);
        } catch (UpstreamInvalid e) {
            profilesError = e;
        }
        ServicesFile services = null;
        UpstreamInvalid servicesError = null;
        try {
            byte[] bytes = file(commit, config.servicesPath());
            services = parse(commit, config.servicesPath(), root -> ServicesFile.parse(bytes, root));
        } catch (UpstreamInvalid e) {
            servicesError = e;
        }
        return new PlatformSnapshot(commit, clock.instant(), profiles, profilesError, services, servicesError);
    }

    private <T> T parse(ObjectId commit, String path, Function<com.fasterxml.jackson.databind.JsonNode, T> parser) {
        try {
            return parser.apply(YamlTrees.read(file(commit, path), ParseLimits.DEFAULT));
        } catch (DocumentException e) {
            throw invalid(path, e.describe());
        } catch (InvalidTree e) {
            throw invalid(path, e.getMessage());
        }
    }

    private byte[] file(ObjectId commit, String path) {
        return mirror.file(commit, path, MAX_FILE_BYTES)
                .orElseThrow(() -> invalid(path, "the file does not exist on " + config.branch()));
    }

    private static UpstreamInvalid invalid(String path, String problem) {
        LOG.warnf("platform-next %s cannot be read: %s", path, problem);
        return new UpstreamInvalid("platform-next.invalid", "platform-next " + path + ": " + problem);
    }
}
