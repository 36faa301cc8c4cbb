package com.company.onboarding.api;

import com.company.onboarding.access.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Gives every error response in the published contract the problem schema, and documents the
 * answers any operation can give whatever the resource does (406, 408, 413, 414, 431, 500, 502, 503;
 * 400 and 415 where a body is read), so resources only say which other 4xx they produce.
 * ContractAnswersTest sends odd requests to every operation and checks each answer against this
 * document. Also the bearer scheme, and the 401 and 403 of each operation: Quarkus adds a
 * security requirement naming the roles of each method's {@code @RolesAllowed}, and from those
 * roles this says what each refusal means.
 *
 * <p>Runs when the application is built, not at each start: the document is the same for every
 * deployment, and filtering it at start-up was part of the start-up time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiProblems implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Answered by the HTTP server before the service sees the request: no body, so no problem document. */
    static final java.util.Set<String> BARE = java.util.Set.of("414", "431");
    private static final String SERVER_ITSELF = "Answered by the HTTP server itself, with no body, before the service"
            + " reads the request: ";
    /** The scheme's name, as {@code quarkus.smallrye-openapi.security-scheme-name} also says. */
    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A token configured under access.tokens.<name>, with its roles: reader (reads, validations,"
                        + " previews) or onboarder (also onboarding). A service with no token configured needs none:"
                        + " anyone may read, validate and preview, and onboard only from the service's own host."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    continue;
                }
                describeRefusals(responses, rolesAllowed(operation));
                if (operation.getRequestBody() != null) {
                    addIfAbsent(responses, "400", "The body is not readable JSON or YAML (line and column given)");
                    addIfAbsent(responses, "415", "The body is neither JSON nor YAML (application/x-yaml, text/yaml and"
                            + " text/x-yaml are read as application/yaml), or in a charset the service does not know");
                }
                addIfAbsent(responses, "406", "The Accept header allows none of the media types this operation answers"
                        + " (a type of weight q=0 is not acceptable)");
                addIfAbsent(responses, "408", "A request body did not arrive within quarkus.http.read-timeout;"
                        + " the connection is closed");
                addIfAbsent(responses, "413", "A request body is larger than quarkus.http.limits.max-body-size;"
                        + " the connection is closed");
                addIfAbsent(responses, "414", SERVER_ITSELF + "the request line is longer than"
                        + " quarkus.http.limits.max-initial-line-length");
                addIfAbsent(responses, "431", SERVER_ITSELF + "the request's headers are larger than"
                        + " quarkus.http.limits.max-header-size");
                addIfAbsent(responses, "500", "Unexpected failure; details are in the service's log");
                addIfAbsent(responses, "502", "platform-next holds a file that cannot be read (it does not parse, is"
                        + " missing, or services.yaml names a service twice: platform-next.invalid), or the PR host"
                        + " refused for good (pull-request.failed)");
                addIfAbsent(responses, "503", "platform-next, the metrics-catalog or the PR host is unreachable or too slow;"
                        + " retry after the Retry-After header's seconds");
                responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
                Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
                sorted.forEach((code, response) -> {
                    if (!code.startsWith("2") && !code.startsWith("3") && !BARE.contains(code)) {
                        response.setContent(problemContent());
                    }
                });
                responses.setAPIResponses(sorted);
            }
        }
    }

    /** The roles the bearer requirement of an operation names (its {@code @RolesAllowed}); none for an open one. */
    private static List<String> rolesAllowed(Operation operation) {
        if (operation.getSecurity() == null) {
            return List.of();
        }
        return operation.getSecurity().stream().map(SecurityRequirement::getSchemes)
                .filter(schemes -> schemes != null && schemes.containsKey(BEARER))
                .flatMap(schemes -> schemes.get(BEARER) == null ? java.util.stream.Stream.empty() : schemes.get(BEARER).stream())
                .toList();
    }

    /**
     * 401 wherever a role is needed; 403 only where onboarder is, since every token holds reader
     * (an onboarder is also a reader): only an onboarding can refuse a valid token.
     */
    private static void describeRefusals(APIResponses responses, List<String> roles) {
        if (roles.isEmpty()) {
            return;
        }
        responses.addAPIResponse("401", OASFactory.createAPIResponse().description("No bearer token, or one that is not"
                + " configured (access.unauthenticated); only when access tokens are configured")
                .addHeader("WWW-Authenticate", OASFactory.createHeader().description("The challenge: " + AccessProblems.CHALLENGE)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        if (roles.contains(Roles.ONBOARDER)) {
            responses.addAPIResponse("403", OASFactory.createAPIResponse().description("The token lacks the onboarder role"
                    + " (access.forbidden); or no tokens are configured and the request does not come from the service's"
                    + " own host (access.open-loopback-only)"));
        } else {
            responses.removeAPIResponse("403");
        }
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema finding = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One problem of an entry")
                .addProperty("pointer", string("JSON pointer into the entry (or into the catalog file named by source)"))
                .addProperty("code", string("Stable code, e.g. region.unknown"))
                .addProperty("message", string("Human-readable message"))
                .addProperty("severity", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("error", "warning")))
                .addProperty("source", string("The catalog file and ref a problem is in, when it is in one"))
                .addProperty("suggestion", string("A likely intended value"))
                .required(List.of("pointer", "code", "message", "severity"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string("URI identifying the problem type; ends with code"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("HTTP status code"))
                .addProperty("detail", string("Explanation of this occurrence"))
                .addProperty("code", string("Stable problem code clients switch on"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(finding)
                        .description("Every finding, for an invalid entry (422)"))
                .required(List.of("type", "title", "status", "detail", "code"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
