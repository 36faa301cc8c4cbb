package com.company.onboarding.pullrequest;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Targets;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.pullrequest.PullRequestSummary.TargetSummary;
import java.util.List;

/**
 * Test-only: an {@link OnboardingRequest} for an entry, with a summary made from the entry alone
 * (its targets under the default environments, tracks and regions; its inline metrics counted;
 * no alert rules) where production code builds it from the validated preview.
 */
public final class OnboardingRequests {

    private static final Targets TARGETS = new Targets(List.of("int", "pre", "prod"), List.of("stable"), "stable",
            List.of("euw1", "euw2"));

    private OnboardingRequests() {
    }

    public static OnboardingRequest of(ServiceEntry entry) {
        return of(entry, "alice@company.com", false, "backstage");
    }

    public static OnboardingRequest of(ServiceEntry entry, String requestedBy, boolean draft, String callerSubject) {
        return new OnboardingRequest(entry, requestedBy, draft, callerSubject, summary(entry, List.of()));
    }

    /** The entry's summary with {@code warnings}. */
    public static PullRequestSummary summary(ServiceEntry entry, List<Finding> warnings) {
        int metrics = entry.monitoring() == null || entry.monitoring().customMetrics() == null ? 0
                : entry.monitoring().customMetrics().metrics().size();
        List<TargetSummary> targets = TARGETS.of(entry).stream()
                .map(t -> new TargetSummary(t.environment(), t.track(), t.region(), t.namespace(), metrics, 0))
                .toList();
        String ref = entry.monitoring() == null || entry.monitoring().customMetrics() == null
                || entry.monitoring().customMetrics().repository() == null ? null
                : entry.monitoring().customMetrics().repository().ref();
        return new PullRequestSummary(entry.name(), entry.monitoringProfile(), targets, ref,
                ref == null ? null : "0123456789abcdef0123456789abcdef01234567", warnings);
    }
}
