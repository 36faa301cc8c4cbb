package com.company.onboarding.api;

import com.company.onboarding.preview.PreviewService;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Which form of a preview the client asked for: the structured JSON (default), or the ConfigMaps as CI writes them. */
final class Renditions {

    private static final MediaType YAML = MediaType.valueOf(RequestBodies.YAML);

    private Renditions() {
    }

    /** By {@link Negotiation}'s rule, which has already refused an {@code Accept} that allows neither. */
    static PreviewService.Format requested(HttpHeaders headers) {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        return Negotiation.choose(accept == null ? List.of() : accept, List.of(MediaType.APPLICATION_JSON_TYPE, YAML))
                .filter(YAML::equals)
                .map(yaml -> PreviewService.Format.YAML)
                .orElse(PreviewService.Format.JSON);
    }

    static Response of(PreviewService.Rendered rendered) {
        return Response.ok(rendered.body(), rendered.mediaType()).build();
    }
}
