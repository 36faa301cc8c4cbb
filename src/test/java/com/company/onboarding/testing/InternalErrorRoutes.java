package com.company.onboarding.testing;

import io.vertx.ext.web.Router;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoints that fail the way a bug would, one in JAX-RS and one in a plain Vert.x
 * route, so tests can check what a client sees of an internal error. Their failure messages
 * name a file path that must never reach the client. Hidden from the OpenAPI document.
 */
@Path("/test-only/internal-error")
@ApplicationScoped
public class InternalErrorRoutes {

    public static final String SECRET_DETAIL = "cannot open /var/lib/secret/token.txt";

    @GET
    @PermitAll // resource methods without a security annotation are denied
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }

    void install(@Observes Router router) {
        router.get("/test-only/internal-error-in-a-route").handler(context -> {
            throw new IllegalStateException(SECRET_DETAIL);
        });
    }
}
