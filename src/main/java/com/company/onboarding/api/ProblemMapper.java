package com.company.onboarding.api;

import com.company.onboarding.error.ApiException;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.Unprocessable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place exceptions become responses: every error a client sees is a problem document
 * of the same shape. Stack traces, file paths and tokens stay in the log.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final AccessProblems access;
    private final ResourcePaths resourcePaths;

    ProblemMapper(AccessProblems access, ResourcePaths resourcePaths) {
        this.access = access;
        this.resourcePaths = resourcePaths;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        if (e.status() >= 500) {
            LOG.warnf(e.getCause(), "%s: %s", e.code(), e.detail());
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + e.code(), e.title(), e.status(), e.detail(), e.code(),
                e instanceof Unprocessable u ? u.errors() : null, e.extensions());
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e instanceof Unavailable u && u.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, u.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** An unknown bearer token (401). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ResourceInfo resource) {
        return refused(e, resource);
    }

    /** No bearer token where a role is needed (401). */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ResourceInfo resource) {
        return refused(e, resource);
    }

    /** A token without the role the resource method allows, or a remote write to an open service (403). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        return refused(e, resource);
    }

    private Response refused(RuntimeException e, ResourceInfo resource) {
        Problem problem = access.of(e, rolesAllowed(resource)).orElseThrow(() -> e);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, AccessProblems.CHALLENGE);
        }
        return response.build();
    }

    /** The roles of the resource method that refused; none declared means it is denied to everyone. */
    private static Optional<List<String>> rolesAllowed(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return Optional.of(allowed == null ? List.of() : List.of(allowed.value()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(404, "Not found", "request.not-found", "no resource at this path"));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null || allow.isBlank()) {
            allow = resourcePaths.allow(uri.getPath());
        }
        return Response.status(405).type(Problem.MEDIA_TYPE).header(HttpHeaders.ALLOW, allow)
                .entity(Problem.of(405, "Method not allowed", "request.method-not-allowed",
                        "this path takes " + allow)).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(Problem.of(406, "Not acceptable", "request.not-acceptable",
                "this resource answers application/json (and application/yaml where documented)"));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return respond(Problem.of(415, "Unsupported media type", "request.unsupported-media-type",
                "send application/json or application/yaml"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(Problem.of(500, "Internal error", "internal", "the service failed; see its log"));
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Request failed" : type.getReasonPhrase();
        return respond(Problem.of(status, title, "request.invalid", title));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable t) {
        LOG.error("unexpected failure", t);
        return respond(Problem.of(500, "Internal error", "internal", "the service failed; see its log"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
