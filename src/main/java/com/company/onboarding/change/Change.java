package com.company.onboarding.change;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One difference in a target's merged config.
 *
 * @param pointer where: a JSON pointer into the target's {@code application.json}, items of named
 *                lists addressed by name ({@code /customMetrics/revenue_total/unit}), or
 *                {@code /configMap/metadata/labels/<key>} and {@code .../annotations/<key>}
 * @param kind    added, removed or changed
 * @param before  the old value; absent when added
 * @param after   the new value; absent when removed
 * @param source  where the new value comes from, as provenance names it ({@code catalog service
 *                payment-processor @ v1.3.0 (commit 1a2b3c4), file ...}); for a removal, where the
 *                removed value came from; {@code entry} for what the entry sets itself
 */
@Schema(name = "Change")
public record Change(
        @Schema(description = "JSON pointer into the target's application.json (named list items by name),"
                + " or /configMap/metadata/labels|annotations/<key>", example = "/customMetrics/revenue_total")
        String pointer,
        @Schema(implementation = String.class, type = SchemaType.STRING, enumeration = {"added", "removed", "changed"})
        Kind kind,
        @Schema(description = "The old value; absent when added", implementation = Object.class, nullable = true)
        JsonNode before,
        @Schema(description = "The new value; absent when removed", implementation = Object.class, nullable = true)
        JsonNode after,
        @Schema(description = "Where the new value comes from (for a removal, where the removed one came from),"
                + " as the preview's provenance names it; entry for values the entry sets itself", nullable = true,
                example = "catalog service payment-processor @ v1.3.0 (commit 5c8e1f0), file services/payment-processor/payment-revenue-metrics.yaml")
        String source) {

    public enum Kind {
        ADDED, REMOVED, CHANGED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
