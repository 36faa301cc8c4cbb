package com.company.onboarding.api;

import com.company.onboarding.preview.PreviewService;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Which form of a preview the client asked for: the structured JSON (default), or the ConfigMaps as CI writes them. */
final class Renditions {

    private Renditions() {
    }

    static PreviewService.Format requested(HttpHeaders headers) {
        // Acceptable types come sorted by preference; the first one we produce wins.
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return PreviewService.Format.JSON;
            }
            if (RequestBodies.isYaml(accepted)) {
                return PreviewService.Format.YAML;
            }
        }
        return PreviewService.Format.JSON;
    }

    static Response of(PreviewService.Rendered rendered) {
        return Response.ok(rendered.body(), rendered.mediaType()).build();
    }
}
