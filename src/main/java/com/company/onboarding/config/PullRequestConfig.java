package com.company.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How onboarding publishes its change to platform-next. Keys are public API (docs/spec.md#configuration). */
@ConfigMapping(prefix = "pull-request")
public interface PullRequestConfig {

    enum Provider { local, github, gitlab }

    /**
     * {@code local} pushes a branch only; {@code github} also opens the pull request, {@code gitlab}
     * the merge request ({@code api-url}, {@code repository} and {@code token} are then required).
     */
    @WithDefault("local")
    Provider provider();

    /**
     * The PR host's API base, e.g. {@code https://api.github.com}, {@code https://ghe.example.com/api/v3},
     * {@code https://gitlab.example.com/api/v4}.
     */
    Optional<URI> apiUrl();

    /** {@code owner/name} of platform-next on the PR host (GitLab: the project's path, {@code group/sub/project}). */
    Optional<@WithConverter(Bounds.OwnerAndName.class) String> repository();

    /** The host's token; also the git password for platform-next when set. Never logged. */
    Optional<String> token();

    /** Branches are named {@code <prefix><service>}. */
    @WithDefault("onboard/")
    @WithConverter(Bounds.NotBlank.class)
    String branchPrefix();

    /**
     * Branches of pull requests that change an existing entry ({@code PUT /services/{name}}) are
     * named {@code <update-branch-prefix><service>}; must differ from {@code branch-prefix}.
     */
    @WithDefault("update/")
    @WithConverter(Bounds.NotBlank.class)
    String updateBranchPrefix();

    /** Author and committer of onboarding commits. */
    @WithDefault("Monitoring Onboarding")
    String authorName();

    @WithDefault("monitoring-onboarding@company.com")
    String authorEmail();

    /** How many times one request re-reads platform-next after a lost race (base moved, push rejected). */
    @WithDefault("5")
    @WithConverter(Bounds.Attempts.class)
    int maxAttempts();

    /**
     * How long a request waits while another request of this replica onboards the same service;
     * past it the answer is 503 with {@code Retry-After}.
     */
    @WithDefault("60s")
    @WithConverter(Bounds.OneSecondOrLonger.class)
    Duration lockTimeout();

    /** Connect timeout of calls to the PR host's API. */
    @WithDefault("10s")
    @WithConverter(Bounds.TenthOfASecondOrLonger.class)
    Duration connectTimeout();

    /** How long one call to the PR host's API may take, from sending to the whole answer. */
    @WithDefault("30s")
    @WithConverter(Bounds.TenthOfASecondOrLonger.class)
    Duration readTimeout();

    /**
     * The longest a request waits in all for the PR host's rate limit ({@code Retry-After},
     * {@code x-ratelimit-reset}) before it answers 503 with the host's {@code Retry-After}.
     */
    @WithDefault("10s")
    @WithConverter(Bounds.ZeroOrLonger.class)
    Duration rateLimitMaxWait();
}
