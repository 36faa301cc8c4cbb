package com.company.onboarding.pullrequest;

import com.company.onboarding.finding.Finding;
import java.util.List;

/**
 * What the pull request's title and body summarise, taken from the validated preview: the
 * service and its profile, each target with its counts, the metrics-catalog ref and the commit
 * it resolved to, and the warnings validation left.
 *
 * @param service       the service's name
 * @param profile       the monitoring profile in effect (the entry's, or its archetype's default)
 * @param targets       every target, in preview order
 * @param catalogRef    the metrics-catalog ref the preview read; null when the entry uses no catalog
 * @param catalogCommit the commit that ref resolved to; null when there is none
 * @param warnings      the findings of severity warning
 */
public record PullRequestSummary(String service, String profile, List<TargetSummary> targets, String catalogRef,
        String catalogCommit, List<Finding> warnings) {

    public PullRequestSummary {
        targets = targets == null ? List.of() : List.copyOf(targets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * One target of the preview with what its merged config holds.
     *
     * @param customMetrics the custom metrics in the target's merged config
     * @param alertRules    the alert rules in it (disabled ones included: they are in the ConfigMap too)
     */
    public record TargetSummary(String environment, String track, String region, String namespace, int customMetrics,
            int alertRules) {
    }
}
