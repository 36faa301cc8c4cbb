package com.company.onboarding.config;

import com.company.onboarding.git.GitUrl;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where platform-next lives and which files in it we read. Keys are public API (docs/spec.md#configuration). */
@ConfigMapping(prefix = "platform-next")
public interface PlatformNextConfig {

    /** Git URL to fetch and push; unset means the embedded repository under the data directory. */
    Optional<GitUrl> url();

    /** Base branch: read for profiles and services, and the target of pull requests. */
    @WithDefault("main")
    @WithConverter(Bounds.NotBlank.class)
    String branch();

    /** The monitoring profiles file in the repository. */
    @WithDefault("kustomize/catalog/monitoring-profiles.yaml")
    @WithConverter(Bounds.NotBlank.class)
    String profilesPath();

    /** The services catalog file in the repository. */
    @WithDefault("kustomize/catalog/services.yaml")
    @WithConverter(Bounds.NotBlank.class)
    String servicesPath();

    /** How long a read of the base branch is trusted before the remote is asked again. */
    @WithDefault("5s")
    @WithConverter(Bounds.ZeroOrLonger.class)
    Duration refreshInterval();

    /** User name for git over HTTPS when a password or token is set. */
    @WithDefault("x-access-token")
    String gitUsername();

    /** Password or token for git over HTTPS; falls back to {@code pull-request.token}. Never logged. */
    Optional<String> gitPassword();
}
