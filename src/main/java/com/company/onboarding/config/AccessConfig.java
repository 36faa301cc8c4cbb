package com.company.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens with roles, configured like Backstage's static external-access tokens: each
 * token has a subject (who it is, written into onboarding commits) and roles. With no token
 * configured the service is open, and says so at start.
 */
@ConfigMapping(prefix = "access")
public interface AccessConfig {

    enum Role { reader, onboarder }

    /** Tokens by name, e.g. {@code access.tokens.backstage.token-sha256=...}. */
    Map<String, Token> tokens();

    /** Whether {@code /q/metrics} requires a reader token (when tokens are configured). */
    @WithDefault("false")
    boolean protectMetrics();

    /** Whether {@code /q/openapi} requires a reader token (when tokens are configured). */
    @WithDefault("false")
    boolean protectOpenapi();

    interface Token {
        /** The token itself; prefer {@link #tokenSha256()} so configuration holds no secret. Never logged. */
        Optional<String> token();

        /** Hex SHA-256 of the token ({@code printf %s "$TOKEN" | sha256sum}). */
        Optional<String> tokenSha256();

        /** Who uses the token, e.g. {@code backstage-scaffolder}. */
        String subject();

        /** {@code reader} (GET, validate, preview) and/or {@code onboarder} (also POST /services). */
        List<Role> roles();
    }
}
