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
 * @param inputs   what the merge read: the profile, the catalog ref and commit
 * @param targets  the merged targets, ordered as {@link com.company.onboarding.entry.Targets} orders them
 * @param findings the union of every target's findings plus catalog-wide ones, first occurrence kept
 * @param message  why there are no targets; null when there are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MergeResult(String service, Inputs inputs, List<MergedTarget> targets, List<Finding> findings,
        String message) {

    /**
     * What a merge used, for callers that summarise it (a pull request's body, a diff): no need
     * to read it back out of the ConfigMaps.
     *
     * @param profile       the monitoring profile's name
     * @param catalogRef    the metrics-catalog ref as the entry wrote it (or the default branch); null without a catalog
     * @param catalogCommit the commit that ref resolved to; null without a catalog
     */
    public record Inputs(String profile, String catalogRef, String catalogCommit) {
    }

    public MergeResult {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
    }

    /**
     * The names of the merged custom metrics over every target, in merge order: what an alert
     * condition may name besides the built-in signals. Empty when there are no targets.
     */
    public Set<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (MergedTarget target : targets) {
            target.application().path("customMetrics").forEach(m -> names.add(m.path("name").asText()));
        }
        return names;
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
            return new MergeResult(service, inputs, selected, findings, message != null ? message
                    : "no target of " + service + " matches environment " + environment + ", track " + track
                            + ", region " + region);
        }
        Set<Finding> selectedFindings = new LinkedHashSet<>();
        selected.forEach(t -> selectedFindings.addAll(t.findings()));
        return new MergeResult(service, inputs, selected, List.copyOf(selectedFindings), null);
    }

    /** Every target's ConfigMap as one multi-document YAML stream, in target order ("" when there are none). */
    public String yaml() {
        return ConfigMapYaml.stream(targets.stream().map(MergedTarget::configMap).toList());
    }
}
