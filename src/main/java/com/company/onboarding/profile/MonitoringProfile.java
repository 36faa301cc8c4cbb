package com.company.onboarding.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A base monitoring profile of platform-next (design document section 2), as the platform team
 * wrote it. Rules, metrics and request attributes stay objects so that every field the team
 * writes reaches the output; SLOs stay the tree they are ({@code baseline<Env>} per environment).
 */
public record MonitoringProfile(
        String name,
        String description,
        Dynatrace dynatrace,
        @Schema(description = "availability and errorRate baselines per environment (baselineInt, ...), latency p95Baseline and p99Baseline in ms")
        ObjectNode slos,
        Map<String, EnvironmentOverride> environmentOverrides) {

    public MonitoringProfile {
        environmentOverrides = environmentOverrides == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environmentOverrides));
    }

    /** The profile's Dynatrace block; {@code enabled: false} (or no block) means no Dynatrace targets. */
    public record Dynatrace(boolean enabled, boolean primary, Application application,
            List<ObjectNode> alertRules, List<ObjectNode> customMetrics) {
        public Dynatrace {
            alertRules = List.copyOf(alertRules);
            customMetrics = List.copyOf(customMetrics);
        }
    }

    public record Application(List<String> monitoredTechnologies, String requestNaming, List<ObjectNode> requestAttributes) {
        public Application {
            monitoredTechnologies = List.copyOf(monitoredTechnologies);
            requestAttributes = List.copyOf(requestAttributes);
        }
    }

    /** What the profile changes for one environment: SLO values and extra or changed alert rules. */
    public record EnvironmentOverride(ObjectNode slos, List<ObjectNode> alertRules) {
        public EnvironmentOverride {
            alertRules = List.copyOf(alertRules);
        }
    }
}
