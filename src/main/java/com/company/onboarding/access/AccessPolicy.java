package com.company.onboarding.access;

import com.company.onboarding.config.AccessConfig;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What needs a token at all, for every path the server has, application and management alike.
 * With tokens configured: health is open to {@code GET} and {@code HEAD}, so probes need no
 * secret; {@code /q/metrics} and {@code /q/openapi} likewise unless {@code access.protect-metrics}
 * or {@code access.protect-openapi} asks for a reader token; everything else needs a valid token,
 * so an unauthenticated caller learns nothing, not even which paths exist. Which role an API
 * operation needs is not decided here but by the {@code @RolesAllowed} on its resource method.
 * With no token configured this policy lets everything through to those annotations.
 *
 * <p>A refusal fails the request with Quarkus's {@link UnauthorizedException} (no token) or
 * {@link io.quarkus.security.AuthenticationFailedException} (an unknown one, from
 * {@link TokenIdentityProvider}) or {@link MissingRole}, which the API's problem mapping
 * turns into problem documents.
 */
@ApplicationScoped
public class AccessPolicy implements HttpSecurityPolicy {

    /** What a request needs before it reaches a handler. */
    enum Need { NOTHING, A_TOKEN, A_READER_TOKEN }

    private final AccessTokens tokens;
    private final AccessConfig config;

    AccessPolicy(AccessTokens tokens, AccessConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        if (!tokens.enabled()) {
            return CheckResult.permit();
        }
        Need need = need(request.request().method(), request.normalizedPath());
        if (need == Need.NOTHING) {
            return CheckResult.permit();
        }
        return identity.map(caller -> {
            if (caller.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (need == Need.A_READER_TOKEN && !caller.hasRole(Roles.READER)) {
                throw new MissingRole(Roles.READER);
            }
            return CheckResult.PERMIT;
        });
    }

    Need need(HttpMethod method, String path) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read && under(path, "/q/health")) {
            return Need.NOTHING;
        }
        if (under(path, "/q/metrics")) {
            return read && !config.protectMetrics() ? Need.NOTHING : Need.A_READER_TOKEN;
        }
        if (under(path, "/q/openapi")) {
            return read && !config.protectOpenapi() ? Need.NOTHING : Need.A_READER_TOKEN;
        }
        return Need.A_TOKEN;
    }

    /** {@code path} is {@code root} or below it; a matrix parameter or encoding makes it neither, so it needs a token. */
    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
