package com.company.onboarding.api;

import com.company.onboarding.access.Roles;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalog.CatalogSummary;
import com.company.onboarding.catalog.MetricsCatalog;
import com.company.onboarding.git.RefNames;
import jakarta.annotation.security.RolesAllowed;
import com.company.onboarding.change.Impact;
import com.company.onboarding.change.ImpactService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/metrics-catalog")
@Tag(name = "metrics-catalog", description = "The observability team's metrics-catalog, read at a tag, branch or commit")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    MetricsCatalog catalog;
    @Inject
    EntityTags tags;
    @Inject
    ImpactService impacts;

    @GET
    @Path("/refs/{ref: .+}")
    @Operation(operationId = "getCatalogRef", summary = "Read the metrics-catalog at a ref",
            description = "Resolves a tag, a branch (names with '/' work) or a full commit id of the configured"
                    + " metrics-catalog to its commit and lists the catalog profiles and services there. Tags are"
                    + " resolved again after metrics-catalog.tag-ttl, branches after metrics-catalog.branch-ttl;"
                    + " each commit is fetched once and then served from the cache. While the catalog is"
                    + " unreachable a branch is served from its last resolution with the warning catalog.stale,"
                    + " for at most metrics-catalog.stale-grace.")
    @APIResponse(responseCode = "200", description = "The catalog at that ref",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogSummary.class)))
    @APIResponse(responseCode = "400", description = "The ref is malformed (catalog.ref.invalid)")
    @APIResponse(responseCode = "404", description = "The catalog has no such tag, branch or commit (catalog.ref.not-found)")
    @RolesAllowed(Roles.READER)
    public Response get(@Parameter(description = "A tag (v1.3.0), a branch (main, feature/x) or a 40-hex commit id")
            @PathParam("ref") String ref, @Context HttpHeaders headers) {
        return tags.conditional(headers, () -> tag(ref), RefNames.isCommitId(ref) ? EntityTags.IMMUTABLE : EntityTags.REVALIDATE,
                null, () -> Response.ok(CatalogSummary.of(catalog.at(ref))).build());
    }

    /** A commit id names its answer by itself: a client holding the tag gets a 304 without the catalog being read. */
    private String tag(String ref) {
        if (RefNames.isCommitId(ref)) {
            return tags.of("catalog", ref.toLowerCase(Locale.ROOT));
        }
        CatalogSnapshot at = catalog.at(ref);
        return tags.of("catalog", ref, at.kind().json(), at.commit(), String.valueOf(at.stale()));
    }

    @GET
    @Path("/impact")
    @Operation(operationId = "getCatalogImpact", summary = "See what moving services to another catalog ref would change",
            description = "Every service on platform-next's base branch whose entry reads the configured metrics-catalog at"
                    + " from (written as that name or as its commit id), and every service that follows a branch (marked"
                    + " followsBranch), each merged as it is and with its ref set to to: per target its status and every"
                    + " difference of its merged config, as POST /services/{name}/diff gives them, and the findings it"
                    + " would get at to (status invalid, with errors, for a service the move would break). The page an"
                    + " observability engineer reads before announcing a tag.")
    @APIResponse(responseCode = "200", description = "The affected services, in services.yaml order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Impact.class),
                    examples = @ExampleObject(name = "v1.2.0-to-v1.3.0", summary = "The embedded default",
                            value = ChangeExamples.IMPACT)))
    @APIResponse(responseCode = "400", description = "from or to missing or malformed (catalog.ref.invalid; parameter names which)")
    @APIResponse(responseCode = "404", description = "The catalog has no such tag, branch or commit (catalog.ref.not-found;"
            + " parameter names which)")
    @RolesAllowed(Roles.READER)
    public Impact impact(
            @Parameter(description = "The ref services pin now, e.g. v1.2.0", required = true) @QueryParam("from") String from,
            @Parameter(description = "The ref to move them to, e.g. v1.3.0", required = true) @QueryParam("to") String to,
            @Parameter(description = "Include each target's unified ConfigMap diff (large over a whole estate)")
            @QueryParam("yamlDiff") boolean yamlDiff) {
        return impacts.impact(from, to, yamlDiff);
    }
}
