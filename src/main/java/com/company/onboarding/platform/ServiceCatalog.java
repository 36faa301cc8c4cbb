package com.company.onboarding.platform;

import com.company.onboarding.entry.Names;
import com.company.onboarding.error.NotFound;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The entries of {@code services.yaml} on platform-next's base branch. */
@ApplicationScoped
public class ServiceCatalog {

    private final PlatformNextReader platform;

    @Inject
    ServiceCatalog(PlatformNextReader platform) {
        this.platform = platform;
    }

    /** What a list shows of an entry. */
    public record ServiceSummary(String name, String archetype, String monitoringProfile) {
    }

    public record ServiceList(String commit, List<ServiceSummary> services) {
    }

    public ServiceList list() {
        PlatformSnapshot snapshot = platform.snapshot();
        return new ServiceList(snapshot.commitId(), snapshot.services().entries().values().stream()
                .map(e -> new ServiceSummary(e.path("name").asText(), textOrNull(e, "archetype"),
                        textOrNull(e, "monitoringProfile")))
                .toList());
    }

    /** The entry exactly as it stands in services.yaml (as JSON). */
    public ObjectNode get(String name) {
        return platform.snapshot().services().entry(name).orElseThrow(() -> notFound(name));
    }

    /** The 404 of a service that services.yaml does not name. */
    public static NotFound notFound(String name) {
        return new NotFound("service.not-found",
                "no service named \"" + (Names.isDns1123Label(name) ? name : "(invalid name)") + "\" in services.yaml");
    }

    public boolean exists(String name) {
        return platform.snapshot().services().entry(name).isPresent();
    }

    private static String textOrNull(ObjectNode entry, String field) {
        return entry.hasNonNull(field) ? entry.get(field).asText() : null;
    }
}
