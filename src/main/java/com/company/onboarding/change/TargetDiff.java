package com.company.onboarding.change;

import com.company.onboarding.entry.Target;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a change does to one target: whether the target appears, disappears, changes or stays,
 * each difference in its merged config, and the unified diff of its ConfigMap YAML.
 *
 * @param yamlDiff unified diff of the ConfigMap as CI writes it ({@code ""} when unchanged); null
 *                 when the caller did not ask for it (the impact page leaves it out unless asked)
 */
@Schema(name = "TargetDiff")
public record TargetDiff(
        Target target,
        @Schema(implementation = String.class, type = SchemaType.STRING,
                enumeration = {"added", "removed", "changed", "unchanged"})
        Status status,
        @Schema(description = "The changes counted: custom metrics, alert rules and SLOs added, removed, changed")
        ChangeSummary summary,
        @Schema(description = "Every difference in the merged config; empty for an added or removed target"
                + " (its yamlDiff shows the whole ConfigMap)")
        List<Change> changes,
        @Schema(description = "Unified diff of the target's ConfigMap YAML (generated/<service>/<env>/<region>/...),"
                + " three lines of context; empty when unchanged", nullable = true)
        String yamlDiff) {

    public TargetDiff {
        changes = List.copyOf(changes);
    }

    public enum Status {
        ADDED, REMOVED, CHANGED, UNCHANGED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
