package com.company.onboarding.preview;

import com.company.onboarding.entry.Target;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.ConfigMap;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.merge.MergedTarget;
import com.company.onboarding.merge.Provenance;
import com.company.onboarding.merge.Source;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The structured preview (docs/spec.md#output): per target, the ConfigMap CI writes, the parsed
 * application document, the sources that contributed, which source set each value, and the
 * warnings. {@code message} says why there are no targets, when there are none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preview(String service, List<TargetPreview> targets, List<Finding> warnings, String message,
        @JsonIgnore MergeResult result) {

    public record TargetPreview(Target target, ConfigMap configMap, ObjectNode application, List<Source> sources,
            Provenance provenance, List<Finding> warnings) {

        static TargetPreview of(MergedTarget merged) {
            return new TargetPreview(merged.target(), merged.configMap(), merged.application(), merged.sources(),
                    merged.provenance(), merged.findings().stream().filter(f -> !f.isError()).toList());
        }
    }

    /** The ConfigMaps exactly as CI writes them: one YAML document per target, in target order. */
    public String yaml() {
        return message == null ? result.yaml() : "# " + message.replace("\n", " ") + "\n";
    }
}
