package com.company.onboarding.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What {@code GET /profiles} shows of a profile: enough for a picker and for scripts. */
public record ProfileSummary(
        String name,
        String description,
        boolean dynatraceEnabled,
        List<String> monitoredTechnologies,
        Counts counts,
        ObjectNode sloBaselines,
        List<String> environmentsWithOverrides) {

    public record Counts(int alertRules, int customMetrics, int requestAttributes) {
    }

    public static ProfileSummary of(MonitoringProfile profile) {
        MonitoringProfile.Dynatrace dynatrace = profile.dynatrace();
        return new ProfileSummary(profile.name(), profile.description(), dynatrace.enabled(),
                dynatrace.application().monitoredTechnologies(),
                new Counts(dynatrace.alertRules().size(), dynatrace.customMetrics().size(),
                        dynatrace.application().requestAttributes().size()),
                profile.slos(),
                List.copyOf(profile.environmentOverrides().keySet()));
    }
}
