package com.company.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;

/** How onboarding publishes its change to platform-next. Keys are public API (product.md 3). */
@ConfigMapping(prefix = "pull-request")
public interface PullRequestConfig {

    enum Provider { local, github, gitlab }

    /** {@code local} pushes a branch only; {@code github} also opens the pull request. */
    @WithDefault("local")
    Provider provider();

    /** The PR host's API base, e.g. {@code https://api.github.com} or {@code https://ghe.example.com/api/v3}. */
    Optional<URI> apiUrl();

    /** {@code owner/name} of platform-next on the PR host. */
    Optional<@Pattern(regexp = "[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", message = "must be owner/name") String> repository();

    /** The host's token; also the git password for platform-next when set. Never logged. */
    Optional<String> token();

    /** Branches are named {@code <prefix><service>}. */
    @WithDefault("onboard/")
    @NotBlank
    String branchPrefix();

    /** Author and committer of onboarding commits. */
    @WithDefault("Monitoring Onboarding")
    String authorName();

    @WithDefault("monitoring-onboarding@company.com")
    String authorEmail();
}
