package com.company.onboarding.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a problem document straight to the Vert.x response, for the handlers that answer before
 * (or outside) JAX-RS: the body limit, router failures (security refusals among them). Same shape as
 * {@link ProblemMapper}'s.
 */
final class VertxProblems {

    private VertxProblems() {
    }

    /** Ends the response with {@code problem}; the returned future completes once it is written. */
    static Future<Void> send(RoutingContext context, ObjectMapper json, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "";
        }
        return context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
