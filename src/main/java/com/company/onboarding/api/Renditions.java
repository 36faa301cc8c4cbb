package com.company.onboarding.api;

import com.company.onboarding.preview.Preview;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A preview as the client asked for it: the structured JSON, or the ConfigMaps as CI writes them. */
final class Renditions {

    private static final MediaType YAML = MediaType.valueOf(RequestBodies.YAML);

    private Renditions() {
    }

    static Response of(Preview preview, HttpHeaders headers) {
        // Acceptable types come sorted by preference; the first one we produce wins, JSON by default.
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(preview, MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (accepted.isCompatible(YAML) || RequestBodies.isYaml(accepted)) {
                return Response.ok(preview.yaml(), YAML.withCharset("utf-8")).build();
            }
        }
        return Response.ok(preview, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
