package com.company.onboarding.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the conditional GETs of {@link EntityTags} in the published contract: each operation
 * listed here, with the Cache-Control it answers with, gets the {@code If-None-Match} parameter,
 * {@code ETag} and {@code Cache-Control} on its 200, and a 304. A listed operation that does not
 * exist fails the build, so the list cannot drift from the resources.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiConditional implements OASFilter {

    /** operationId to the Cache-Control its answers carry. */
    static final Map<String, String> OPERATIONS = Map.of(
            "listProfiles", EntityTags.REVALIDATE,
            "getProfile", EntityTags.REVALIDATE,
            "listServices", EntityTags.REVALIDATE,
            "getService", EntityTags.REVALIDATE,
            "previewExistingService", EntityTags.REVALIDATE + "; Vary: Accept (JSON and YAML are tagged apart)",
            "getCatalogRef", EntityTags.REVALIDATE + " for a tag or a branch; " + EntityTags.IMMUTABLE + " for a commit id");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Set<String> documented = new TreeSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    String cacheControl = OPERATIONS.get(operation.getOperationId());
                    if (cacheControl != null) {
                        document(operation, cacheControl);
                        documented.add(operation.getOperationId());
                    }
                }
            }
        }
        if (!documented.equals(OPERATIONS.keySet())) {
            throw new IllegalStateException("conditional operations missing from the API: "
                    + OPERATIONS.keySet().stream().filter(id -> !documented.contains(id)).toList());
        }
    }

    private static void document(Operation operation, String cacheControl) {
        operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                .description("Entity tags of answers the client holds (or *); when one is this answer's, the"
                        + " answer is 304 without a body. Weak tags (W/\"...\") from a proxy match too.")
                .schema(string()));
        APIResponses responses = operation.getResponses();
        addHeaders(responses.getAPIResponse("200"), cacheControl);
        APIResponse notModified = OASFactory.createAPIResponse()
                .description("Not modified: If-None-Match names this answer's current tag, or is *; no body");
        addHeaders(notModified, cacheControl);
        responses.addAPIResponse("304", notModified);
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    private static void addHeaders(APIResponse response, String cacheControl) {
        response.addHeader("ETag", header("Strong entity tag of this answer, named from the commits, the entry and the"
                + " representation it was computed from; send it back in If-None-Match"));
        response.addHeader("Cache-Control", header(cacheControl));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description).schema(string());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
