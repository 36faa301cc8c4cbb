package com.company.onboarding.merge;

import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a merge gives: one {@link MergedTarget} per target in the configured order (environment,
 * track, region), and every finding once. When there are no targets, {@code message} says why
 * (Dynatrace turned off by the entry or the profile, or an entry that expands to no target).
 *
 * @param service  the entry's name
 * @param targets  the merged targets, ordered as {@link com.company.onboarding.entry.Targets} orders them
 * @param findings the union of every target's findings plus catalog-wide ones, first occurrence kept
 * @param message  why there are no targets; null when there are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergeResult(String service, List<MergedTarget> targets, List<Finding> findings, String message) {

    public MergeResult {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }

    /** True when a finding is an error: the entry cannot be onboarded as it is. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /**
     * Only the targets matching the given environment, track and region (null matches any), with
     * their findings; for a preview of one target ({@code ?environment=&region=}).
     */
    public MergeResult select(String environment, String track, String region) {
        List<MergedTarget> selected = targets.stream()
                .filter(t -> environment == null || environment.equals(t.target().environment()))
                .filter(t -> track == null || track.equals(t.target().track()))
                .filter(t -> region == null || region.equals(t.target().region()))
                .toList();
        if (selected.isEmpty()) {
            return new MergeResult(service, selected, findings, message != null ? message
                    : "no target of " + service + " matches environment " + environment + ", track " + track
                            + ", region " + region);
        }
        Set<Finding> selectedFindings = new LinkedHashSet<>();
        selected.forEach(t -> selectedFindings.addAll(t.findings()));
        return new MergeResult(service, selected, List.copyOf(selectedFindings), null);
    }

    /** Every target's ConfigMap as one multi-document YAML stream, in target order ("" when there are none). */
    public String yaml() {
        return ConfigMapYaml.stream(targets.stream().map(MergedTarget::configMap).toList());
    }
}
