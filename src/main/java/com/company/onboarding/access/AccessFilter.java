package com.company.onboarding.access;

import com.company.onboarding.api.Problem;
import com.company.onboarding.api.VertxProblems;
import com.company.onboarding.config.AccessConfig;
import com.company.onboarding.config.AccessConfig.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks bearer tokens before any handler runs, for the API and the management endpoints alike:
 * {@code reader} for reads, validation, previews and diffs, {@code onboarder} for {@code POST /services}
 * and {@code PUT /services/{name}}.
 * Health is always open, so probes need no secret. Failures are problem documents (401 with
 * {@code WWW-Authenticate: Bearer}, 403); the token itself is never logged or echoed.
 */
@ApplicationScoped
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    /** {@code POST /services/{name}/diff} only computes, like validate and preview. */
    private static final java.util.regex.Pattern DIFF = java.util.regex.Pattern.compile("/services/[^/]+/diff");

    @Inject
    AccessConfig config;
    @Inject
    ObjectMapper json;

    private AccessTokens tokens;

    void install(@Observes Router router) {
        tokens = new AccessTokens(config);
        if (tokens.enabled()) {
            LOG.infof("access: %d bearer token(s) configured; reader for reads, validation and previews,"
                    + " onboarder for POST /services", tokens.size());
        } else {
            LOG.warn("access: OPEN. No access.tokens configured, so every caller may read and open pull requests;"
                    + " configure tokens before exposing the service");
        }
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        Optional<Role> needed = needed(ctx.request().method(), ctx.normalizedPath());
        if (!tokens.enabled() || needed.isEmpty()) {
            ctx.put(Caller.CONTEXT_KEY, Caller.ANONYMOUS);
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            deny(ctx, 401, "access.unauthenticated", "a bearer token is required");
            return;
        }
        Optional<Caller> caller = tokens.caller(header.substring(7).strip());
        if (caller.isEmpty()) {
            deny(ctx, 401, "access.unauthenticated", "the bearer token is not valid");
            return;
        }
        if (!caller.get().may(needed.get())) {
            deny(ctx, 403, "access.forbidden", "this token lacks the " + needed.get() + " role");
            return;
        }
        ctx.put(Caller.CONTEXT_KEY, caller.get());
        ctx.next();
    }

    /**
     * The role a request needs, or empty for what is always open. Writes need {@code onboarder}
     * unless they only compute (validate, preview, diff): a path the router
     * reads differently from this method (matrix parameters, {@code //}, encodings) can only
     * ask for more, never less.
     */
    Optional<Role> needed(HttpMethod method, String normalizedPath) {
        String path = withoutMatrixParameters(normalizedPath);
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read && (path.equals("/q/health") || path.startsWith("/q/health/"))) {
            return Optional.empty();
        }
        if (read && path.startsWith("/q/metrics")) {
            return config.protectMetrics() ? Optional.of(Role.reader) : Optional.empty();
        }
        if (read && path.startsWith("/q/openapi")) {
            return config.protectOpenapi() ? Optional.of(Role.reader) : Optional.empty();
        }
        if (read || method == HttpMethod.OPTIONS) {
            return Optional.of(Role.reader);
        }
        if (method == HttpMethod.POST && (path.equals("/services/validate") || path.equals("/services/preview")
                || DIFF.matcher(path).matches())) {
            return Optional.of(Role.reader);
        }
        return Optional.of(Role.onboarder);
    }

    /** {@code /services;x=1/} is {@code /services} to JAX-RS: compare what it routes on. */
    private static String withoutMatrixParameters(String path) {
        String plain = path.replaceAll(";[^/]*", "");
        while (plain.length() > 1 && plain.endsWith("/")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain;
    }

    private void deny(RoutingContext ctx, int status, String code, String detail) {
        Problem problem = Problem.of(status, status == 401 ? "Unauthorized" : "Forbidden", code, detail);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"monitoring-onboarding\"");
        }
        VertxProblems.send(ctx, json, problem);
    }
}
