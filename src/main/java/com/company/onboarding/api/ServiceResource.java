package com.company.onboarding.api;

import com.company.onboarding.platform.ServiceCatalog;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

@Path("/services")
@Tag(name = "services", description = "Entries of services.yaml: read, validate, preview and onboard")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    @Inject
    ServiceCatalog catalog;

    @GET
    @Operation(operationId = "listServices", summary = "List the services of services.yaml",
            description = "Name, archetype and monitoring profile of every entry on platform-next's base branch, in file order.")
    @APIResponse(responseCode = "200", description = "The services and the commit they were read at")
    public ServiceCatalog.ServiceList list() {
        return catalog.list();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getService", summary = "Get one services.yaml entry",
            description = "The entry exactly as it stands on platform-next's base branch, as JSON.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No service of that name")
    public ObjectNode get(@Parameter(description = "Service name, e.g. account-service") @PathParam("name") String name) {
        return catalog.get(name);
    }
}
