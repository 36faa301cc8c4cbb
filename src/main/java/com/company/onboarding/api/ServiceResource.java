package com.company.onboarding.api;

import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.change.DiffService;
import com.company.onboarding.change.EntryDiff;
import com.company.onboarding.access.Caller;
import com.company.onboarding.access.Roles;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.pullrequest.Onboarder;
import com.company.onboarding.pullrequest.OnboardingResult;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.pullrequest.UpdateResult;
import com.company.onboarding.pullrequest.Updater;
import com.company.onboarding.platform.ServiceCatalog;
import com.company.onboarding.preview.Preview;
import com.company.onboarding.preview.PreviewService;
import com.company.onboarding.preview.TargetFilter;
import com.company.onboarding.validation.ValidationReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/services")
@Tag(name = "services", description = "Entries of services.yaml: read, validate, preview and onboard")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    @Inject
    ServiceCatalog catalog;
    @Inject
    AssessmentService assessments;
    @Inject
    PreviewService previews;
    @Inject
    Onboarder onboarder;
    @Inject
    PlatformNextReader platform;
    @Inject
    EntityTags tags;
    @Inject
    SecurityIdentity identity;
    @Inject
    DiffService diffs;
    @Inject
    Updater updater;

    @GET
    @Operation(operationId = "listServices", summary = "List the services of services.yaml",
            description = "Name, archetype and monitoring profile of every entry on platform-next's base branch, in file order.")
    @RolesAllowed(Roles.READER)
    @APIResponse(responseCode = "200", description = "The services and the commit they were read at",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceCatalog.ServiceList.class)))
    public Response list(@Context HttpHeaders headers) {
        return tags.conditional(headers, () -> tags.of("services", platform.snapshot().commitId()), EntityTags.REVALIDATE,
                null, () -> Response.ok(catalog.list()).build());
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getService", summary = "Get one services.yaml entry",
            description = "The entry exactly as it stands on platform-next's base branch, as JSON.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectNode.class)))
    @APIResponse(responseCode = "404", description = "No service of that name")
    @RolesAllowed(Roles.READER)
    public Response get(@Parameter(description = "Service name, e.g. account-service") @PathParam("name") String name,
            @Context HttpHeaders headers) {
        return tags.conditional(headers, () -> tags.of("service", name, platform.snapshot().commitId()), EntityTags.REVALIDATE,
                null, () -> Response.ok(catalog.get(name)).build());
    }

    @POST
    @Path("/validate")
    @Consumes({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Operation(operationId = "validateService", summary = "Validate a proposed services.yaml entry",
            description = "Reports every problem of the entry at once, each with a JSON pointer into the entry (or a source"
                    + " naming the catalog file and ref it is in), a stable code, a message and a severity; and the targets"
                    + " (environment, track, region, namespace) the entry expands to. Answers 200 whether valid or not.")
    @RequestBody(required = true, description = "One services.yaml item, as JSON or YAML", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceEntry.class)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(implementation = ServiceEntry.class))})
    @APIResponse(responseCode = "200", description = "The findings; valid is true when there is no error")
    @APIResponse(responseCode = "400", description = "The body is not readable JSON or YAML (line and column given)")
    @APIResponse(responseCode = "415", description = "The body is neither JSON nor YAML")
    @RolesAllowed(Roles.READER)
    public ValidationReport validate(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context RoutingContext context) {
        return assessments.proposed(RequestBodies.read(context, type)).report();
    }

    @POST
    @Path("/preview")
    @Consumes({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Produces({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Operation(operationId = "previewService", summary = "Preview the merged Dynatrace config of a proposed entry",
            description = "Merges the profile, the metrics-catalog files at the entry's ref, its inline metrics and overrides"
                    + " into the Dynatrace ConfigMap of every target (or of those the query selects). application/json gives"
                    + " the structured preview with the source of every value; application/yaml gives the ConfigMaps exactly"
                    + " as CI writes them, one document per target.")
    @RequestBody(required = true, description = "One services.yaml item, as JSON or YAML", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceEntry.class)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(implementation = ServiceEntry.class))})
    @APIResponse(responseCode = "200", description = "The preview", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preview.class)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "Multi-document YAML: one ConfigMap per target"))})
    @APIResponse(responseCode = "400", description = "Unreadable body, or a query value that is not a known environment, track or region")
    @APIResponse(responseCode = "404", description = "No target matches the query")
    @APIResponse(responseCode = "415", description = "The body is neither JSON nor YAML")
    @APIResponse(responseCode = "422", description = "The entry is invalid; errors lists every problem")
    @RolesAllowed(Roles.READER)
    public Response preview(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @BeanParam TargetFilter filter,
            @Context HttpHeaders headers, @Context RoutingContext context) {
        return Renditions.of(previews.proposed(RequestBodies.read(context, type), filter, Renditions.requested(headers)));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Operation(operationId = "onboardService", summary = "Open the pull request that adds an entry to services.yaml",
            description = "Validates the entry (a failing entry never reaches git), then adds it to the end of services.yaml"
                    + " on platform-next's base branch as a text edit that keeps every existing byte, commits it on branch"
                    + " <prefix><service> with the requester in a Requested-by trailer, pushes, and opens the pull request."
                    + " Idempotent: the same entry again answers 200 with the same pull request; a retry after a failure"
                    + " finishes the job. Finding pointers are into the entry.")
    @RequestBody(required = true, description = "{entry, requestedBy?, draft?}, as JSON or YAML", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OnboardingBody.class)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(implementation = OnboardingBody.class))})
    @APIResponse(responseCode = "201", description = "The pull request (or, for the local provider, the branch) was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OnboardingResult.class)))
    @APIResponse(responseCode = "200", description = "An open pull request already carries this very entry: that one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OnboardingResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not readable JSON or YAML (line and column given)")
    @APIResponse(responseCode = "409", description = "The service is already on the base branch (service.exists), an open pull"
            + " request carries a different entry for it (pull-request.conflict), or services.yaml cannot be edited safely"
            + " (services.edit.unsafe)")
    @APIResponse(responseCode = "415", description = "The body is neither JSON nor YAML")
    @APIResponse(responseCode = "422", description = "The entry is invalid; errors lists every problem")
    @RolesAllowed(Roles.ONBOARDER)
    public Response onboard(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context RoutingContext context) {
        OnboardingResult result = onboarder.onboard(RequestBodies.read(context, type), Caller.of(identity));
        return Response.status(result.httpStatus()).entity(result).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The body of {@code POST /services}, for the contract only: the service reads it leniently. */
    @Schema(name = "OnboardingRequest")
    public record OnboardingBody(@Schema(required = true) ServiceEntry entry,
            @Schema(description = "Who asked, e.g. the Backstage user; goes into the commit's Requested-by trailer") String requestedBy,
            @Schema(description = "Open the pull request as a draft (github)") Boolean draft) {
    }

    @GET
    @Path("/{name}/preview")
    @Produces({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Operation(operationId = "previewExistingService", summary = "Preview the merged Dynatrace config of an existing entry",
            description = "The same as POST /services/preview for the entry as it stands on platform-next's base branch.")
    @APIResponse(responseCode = "200", description = "The preview", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preview.class)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "Multi-document YAML: one ConfigMap per target"))})
    @APIResponse(responseCode = "400", description = "A query value that is not a known environment, track or region")
    @APIResponse(responseCode = "404", description = "No service of that name, or no target matches the query")
    @APIResponse(responseCode = "422", description = "The entry on platform-next is invalid; errors lists every problem")
    @RolesAllowed(Roles.READER)
    public Response previewExisting(@Parameter(description = "Service name") @PathParam("name") String name,
            @BeanParam TargetFilter filter, @Context HttpHeaders headers) {
        // The tag comes from the assessment's fingerprint (entry, platform-next and catalog commits): no merge for a 304.
        PreviewService.Format format = Renditions.requested(headers);
        return tags.conditional(headers, () -> assessments.fingerprintExisting(name)
                .map(fingerprint -> tags.of("preview", fingerprint, filter.environment, filter.track, filter.region, format.name()))
                .orElse(null),
                EntityTags.REVALIDATE, HttpHeaders.ACCEPT, () -> Renditions.of(previews.existing(name, filter, format)));
    }

    @POST
    @Path("/{name}/diff")
    @Consumes({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Operation(operationId = "diffService", summary = "See what replacing an existing entry would change",
            description = "Compares the entry on platform-next's base branch with the proposed one (its name must be the"
                    + " service of the path): for every target of either version its status (added, removed, changed,"
                    + " unchanged), each difference of its merged config as {pointer, kind, before, after, source} with"
                    + " pointers into application.json (items of named lists by name, so a reordering is no change) or"
                    + " /configMap/metadata/labels|annotations, and a unified diff of its ConfigMap YAML. Also the"
                    + " differences of the entry itself and the proposed entry's warnings. Nothing is written.")
    @RequestBody(required = true, description = "The proposed services.yaml item, as JSON or YAML", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceEntry.class)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(implementation = ServiceEntry.class),
                    examples = @ExampleObject(name = "ref-bump", summary = "account-service moved to the catalog's v1.3.0",
                            value = ChangeExamples.ENTRY_YAML))})
    @APIResponse(responseCode = "200", description = "The diff (status unchanged when the merged config is the same)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryDiff.class),
                    examples = @ExampleObject(name = "ref-bump", summary = "Only the catalog annotations change",
                            value = ChangeExamples.DIFF)))
    @APIResponse(responseCode = "400", description = "Unreadable body, or an entry whose name is not the service of the path"
            + " (entry.name.mismatch)")
    @APIResponse(responseCode = "404", description = "No service of that name on the base branch (service.not-found)")
    @APIResponse(responseCode = "415", description = "The body is neither JSON nor YAML")
    @APIResponse(responseCode = "422", description = "The proposed entry is invalid; errors lists every problem, as validate")
    @RolesAllowed(Roles.READER)
    public EntryDiff diff(@Parameter(description = "Service name, e.g. account-service") @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context RoutingContext context) {
        return diffs.diff(name, RequestBodies.read(context, type));
    }

    @GET
    @Path("/{name}/diff")
    @Operation(operationId = "diffServiceAtRef", summary = "See what moving an existing entry to another catalog ref would change",
            description = "The same as POST /services/{name}/diff with the entry as it stands on the base branch and its"
                    + " monitoring.customMetrics.repository.ref set to ref (an entry without a catalog gets the configured"
                    + " one at that ref).")
    @APIResponse(responseCode = "200", description = "The diff",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryDiff.class),
                    examples = @ExampleObject(name = "ref-bump", summary = "GET /services/account-service/diff?ref=v1.3.0",
                            value = ChangeExamples.DIFF)))
    @APIResponse(responseCode = "400", description = "ref missing or malformed (catalog.ref.invalid)")
    @APIResponse(responseCode = "404", description = "No service of that name (service.not-found), or the catalog has no such"
            + " ref (catalog.ref.not-found)")
    @APIResponse(responseCode = "422", description = "The entry at that ref is invalid; errors lists every problem")
    @RolesAllowed(Roles.READER)
    public EntryDiff diffAtRef(@Parameter(description = "Service name, e.g. account-service") @PathParam("name") String name,
            @Parameter(description = "The metrics-catalog tag, branch or commit to compare against, e.g. v1.3.0")
            @QueryParam("ref") String ref) {
        return diffs.diffAtRef(name, ref);
    }

    @PUT
    @Path("/{name}")
    @Consumes({MediaType.APPLICATION_JSON, RequestBodies.YAML})
    @Operation(operationId = "updateService", summary = "Open the pull request that replaces an existing entry",
            description = "Validates the entry (its name must be the service of the path; a failing entry never reaches git),"
                    + " then replaces the service's entry in services.yaml on platform-next's base branch by the smallest"
                    + " text edit: every byte outside the entry is kept, and inside it every line whose value did not change,"
                    + " comments and quoting included (a catalog ref bump is a one-line diff). Commits it on branch"
                    + " <update-prefix><service> with the requester in a Requested-by trailer, pushes, and opens the pull"
                    + " request, whose body summarises the diff per target. Idempotent like POST /services; an entry equal"
                    + " to the one on the base branch answers 200 {status: unchanged} and opens nothing.")
    @RequestBody(required = true, description = "{entry, requestedBy?, draft?}, as JSON or YAML", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OnboardingBody.class),
                    examples = @ExampleObject(name = "ref-bump", summary = "account-service moved to the catalog's v1.3.0",
                            value = ChangeExamples.UPDATE_REQUEST)),
            @Content(mediaType = RequestBodies.YAML, schema = @Schema(implementation = OnboardingBody.class))})
    @APIResponse(responseCode = "201", description = "The pull request (or, for the local provider, the branch) was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateResult.class),
                    examples = @ExampleObject(name = "created", value = ChangeExamples.UPDATE_CREATED)))
    @APIResponse(responseCode = "200", description = "An open pull request already carries this very entry (status existing),"
            + " or the base branch already has it (status unchanged: nothing opened)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateResult.class),
                    examples = @ExampleObject(name = "unchanged", value = ChangeExamples.UPDATE_UNCHANGED)))
    @APIResponse(responseCode = "400", description = "The body is not readable JSON or YAML, or the entry's name is not the"
            + " service of the path (entry.name.mismatch)")
    @APIResponse(responseCode = "401", description = "A bearer token is required (when tokens are configured)")
    @APIResponse(responseCode = "403", description = "The token lacks the onboarder role")
    @APIResponse(responseCode = "404", description = "No service of that name on the base branch (service.not-found)")
    @APIResponse(responseCode = "409", description = "An open pull request carries another entry for the service"
            + " (pull-request.conflict), or services.yaml cannot be edited safely (services.edit.unsafe)")
    @APIResponse(responseCode = "415", description = "The body is neither JSON nor YAML")
    @APIResponse(responseCode = "422", description = "The entry is invalid; errors lists every problem")
    @RolesAllowed(Roles.ONBOARDER)
    public Response update(@Parameter(description = "Service name, e.g. account-service") @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context RoutingContext context) {
        UpdateResult result = updater.update(name, RequestBodies.read(context, type), Caller.of(identity));
        return Response.status(result.httpStatus()).entity(result).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
