package com.company.onboarding.api;

import com.company.onboarding.access.Roles;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.platform.ProfileService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/profiles")
@Tag(name = "profiles", description = "Base monitoring profiles kept by the platform team in platform-next")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    ProfileService profiles;
    @Inject
    PlatformNextReader platform;
    @Inject
    EntityTags tags;

    @GET
    @Operation(operationId = "listProfiles", summary = "List the monitoring profiles",
            description = "Every profile in platform-next's profiles file on the base branch, with counts of its alert rules,"
                    + " custom metrics and request attributes, its SLO baselines and the environments it overrides.")
    @RolesAllowed(Roles.READER)
    @APIResponse(responseCode = "200", description = "The profiles, in file order, and the commit they were read at",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileService.ProfileList.class)))
    public Response list(@Context HttpHeaders headers) {
        return tags.conditional(headers, () -> tags.of("profiles", platform.snapshot().commitId()), EntityTags.REVALIDATE,
                null, () -> Response.ok(profiles.list()).build());
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getProfile", summary = "Get one monitoring profile in full",
            description = "The profile as the platform team wrote it: Dynatrace application, alert rules, custom metrics,"
                    + " SLO baselines and environment overrides.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringProfile.class)))
    @APIResponse(responseCode = "404", description = "No profile of that name")
    @RolesAllowed(Roles.READER)
    public Response get(@Parameter(description = "Profile name, e.g. domain-api") @PathParam("name") String name,
            @Context HttpHeaders headers) {
        return tags.conditional(headers, () -> tags.of("profile", name, platform.snapshot().commitId()), EntityTags.REVALIDATE,
                null, () -> Response.ok(profiles.get(name)).build());
    }
}
