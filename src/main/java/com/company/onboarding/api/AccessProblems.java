package com.company.onboarding.api;

import com.company.onboarding.access.AccessTokens;
import com.company.onboarding.access.BearerTokenMechanism;
import com.company.onboarding.access.MissingRole;
import com.company.onboarding.access.OpenAccess;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The problem documents of a refused request, whether Quarkus security refused it before routing
 * ({@link RouterProblems}) or at a resource method's {@code @RolesAllowed} ({@link ProblemMapper}):
 * 401 {@code access.unauthenticated} (with {@code WWW-Authenticate}), 403 {@code access.forbidden},
 * or, while no token is configured, 403 {@code access.open-loopback-only}.
 */
@Singleton
class AccessProblems {

    /** The value of the {@code WWW-Authenticate} header every 401 carries. */
    static final String CHALLENGE = BearerTokenMechanism.CHALLENGE;

    private final AccessTokens tokens;

    AccessProblems(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * The problem for a security exception, or empty for any other failure.
     *
     * @param rolesAllowed the roles the refusing resource method allows (none: it declares none, so
     *     Quarkus denies it to everyone); empty where no resource method refused
     */
    Optional<Problem> of(Throwable failure, Optional<List<String>> rolesAllowed) {
        if (failure instanceof AuthenticationFailedException) {
            return Optional.of(unauthenticated("the bearer token is not valid"));
        }
        if (failure instanceof UnauthorizedException) {
            return Optional.of(unauthenticated("a bearer token is required"));
        }
        if (failure instanceof ForbiddenException forbidden) {
            return Optional.of(forbidden(forbidden instanceof MissingRole missing ? Optional.of(List.of(missing.role())) : rolesAllowed));
        }
        return Optional.empty();
    }

    private static Problem unauthenticated(String detail) {
        return Problem.of(401, "Unauthorized", "access.unauthenticated", detail);
    }

    private Problem forbidden(Optional<List<String>> roles) {
        if (roles.isPresent() && roles.get().isEmpty()) {
            return Problem.of(403, "Forbidden", "access.forbidden", "this operation declares no role, so nobody may call it");
        }
        if (!tokens.enabled()) {
            // An open service grants every role on loopback, so only a remote client is ever refused.
            return Problem.of(403, "Forbidden", "access.open-loopback-only", "no access tokens are configured, so this"
                    + " operation is accepted only from the service's own host (loopback); " + OpenAccess.HOW_TO_CONFIGURE_TOKENS);
        }
        String role = roles.map(r -> String.join(" or ", r)).orElse("needed");
        return Problem.of(403, "Forbidden", "access.forbidden", "this token lacks the " + role + " role");
    }
}
