package com.company.onboarding.pullrequest;

import com.company.onboarding.git.GitRemote;
import com.company.onboarding.git.GitUrl;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;

/**
 * A test platform-next (a real bare repository) and onboarding services working on it through
 * their own working mirrors, as replicas would: {@code file://}, or any URL a test serves it at.
 */
final class PlatformNextRemote implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final OnboardingSettings SETTINGS = new OnboardingSettings("onboard/", "Monitoring Onboarding",
            "monitoring-onboarding@company.com", 5, Duration.ofSeconds(60));

    final Path root;
    final BareRepo repo;
    private int mirrors;

    private PlatformNextRemote(Path root, BareRepo repo) {
        this.root = root;
        this.repo = repo;
    }

    /** The test fixtures' platform-next. */
    static PlatformNextRemote create(String name) {
        Path root = Fixtures.freshDirectory(name);
        return new PlatformNextRemote(root, Fixtures.platformNext(root.resolve("repos/platform-next.git")));
    }

    /** A service on a new working mirror of this repository, read over {@code file://}. */
    OnboardingService service(PullRequestProvider provider) {
        return service(provider, repo.url(), Optional.empty(), SETTINGS);
    }

    OnboardingService service(PullRequestProvider provider, String url, Optional<String> token) {
        return service(provider, url, token, SETTINGS);
    }

    /**
     * Each service's clock is a second later than the previous one's, so two replicas never write
     * the same commit: a second branch could not hide behind an identical id.
     */
    OnboardingService service(PullRequestProvider provider, String url, Optional<String> token,
            OnboardingSettings settings) {
        GitRemote remote = new GitRemote("platform-next", new GitUrl(url), "x-access-token", token, Duration.ofSeconds(10));
        Mirror mirror = Mirror.open(remote, root.resolve("work-" + mirrors + ".git"), new SimpleMeterRegistry());
        Clock clock = Clock.fixed(NOW.plusSeconds(mirrors++), ZoneOffset.UTC);
        return new OnboardingService(mirror, "main", Fixtures.SERVICES_PATH, provider, settings, clock);
    }

    /** An update service on a new working mirror of this repository, as a replica would have, prefix {@code update/}. */
    UpdateService updateService(PullRequestProvider provider) {
        GitRemote remote = new GitRemote("platform-next", new GitUrl(repo.url()), "x-access-token", Optional.empty(),
                Duration.ofSeconds(10));
        Mirror mirror = Mirror.open(remote, root.resolve("work-" + mirrors + ".git"), new SimpleMeterRegistry());
        Clock clock = Clock.fixed(NOW.plusSeconds(mirrors++), ZoneOffset.UTC);
        OnboardingSettings settings = new OnboardingSettings("update/", SETTINGS.authorName(), SETTINGS.authorEmail(),
                SETTINGS.maxAttempts(), SETTINGS.lockTimeout());
        return new UpdateService(mirror, "main", Fixtures.SERVICES_PATH, provider, settings, clock);
    }

    /** Every branch of the remote under {@code onboard/}, sorted. */
    List<String> onboardingBranches() {
        return branches("onboard/");
    }

    /** Every branch of the remote under {@code prefix}, sorted. */
    List<String> branches(String prefix) {
        try {
            return repo.repository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS + prefix).stream()
                    .map(Ref::getName).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
