package com.company.onboarding.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Failures that happen outside JAX-RS (a path that cannot be decoded, a management route that
 * throws, a request Quarkus security refuses before routing) become problem documents too, where Quarkus would answer a bare status. What JAX-RS
 * resources throw never gets here: {@link ProblemMapper} answers it.
 */
@ApplicationScoped
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    @Inject
    ObjectMapper json;
    @Inject
    AccessProblems access;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next(); // too late for a problem: let Quarkus log it
            return;
        }
        Throwable failure = context.failure();
        Optional<Problem> refused = access.of(failure, Optional.empty());
        if (refused.isPresent()) {
            if (refused.get().status() == 401) {
                context.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, AccessProblems.CHALLENGE);
            }
            VertxProblems.send(context, json, refused.get());
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (status < 400 || status >= 500) {
            LOG.error("request failed", failure);
            VertxProblems.send(context, json, Problem.of(500, "Internal error", "internal", "the service failed; see its log"));
            return;
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        String code = switch (status) {
            case 404 -> "request.not-found";
            case 405 -> "request.method-not-allowed";
            case 413 -> "request.too-large";
            default -> "request.invalid";
        };
        String detail = status == 400 ? "the request cannot be read (a malformed path or query?)" : title;
        VertxProblems.send(context, json, Problem.of(status, title, code, detail));
    }
}
