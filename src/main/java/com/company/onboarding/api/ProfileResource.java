package com.company.onboarding.api;

import com.company.onboarding.access.Roles;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.platform.ProfileService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/profiles")
@Tag(name = "profiles", description = "Base monitoring profiles kept by the platform team in platform-next")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    ProfileService profiles;

    @GET
    @Operation(operationId = "listProfiles", summary = "List the monitoring profiles",
            description = "Every profile in platform-next's profiles file on the base branch, with counts of its alert rules,"
                    + " custom metrics and request attributes, its SLO baselines and the environments it overrides.")
    @APIResponse(responseCode = "200", description = "The profiles, in file order, and the commit they were read at")
    @RolesAllowed(Roles.READER)
    public ProfileService.ProfileList list() {
        return profiles.list();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getProfile", summary = "Get one monitoring profile in full",
            description = "The profile as the platform team wrote it: Dynatrace application, alert rules, custom metrics,"
                    + " SLO baselines and environment overrides.")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No profile of that name")
    @RolesAllowed(Roles.READER)
    public MonitoringProfile get(@Parameter(description = "Profile name, e.g. domain-api") @PathParam("name") String name) {
        return profiles.get(name);
    }
}
