package com.company.onboarding.entry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One item of {@code services.yaml}, in the design document's key order (section 3.1).
 * Bound from a tree only after validation has checked every type; absent optional parts are
 * null or empty. Lists are copied, so an entry never changes once built.
 */
public record ServiceEntry(
        String name,
        String archetype,
        String size,
        List<String> regions,
        List<String> enabledIn,
        String costProfile,
        Cost cost,
        String monitoringProfile,
        Monitoring monitoring) {

    public ServiceEntry {
        regions = regions == null ? List.of() : List.copyOf(regions);
        enabledIn = enabledIn == null ? List.of() : List.copyOf(enabledIn);
    }

    /** Who pays: the values become labels and the {@code {TEAM}}, {@code {COST_CENTER}}, {@code {BUSINESS_UNIT}} variables. */
    public record Cost(String costCenter, String businessUnit, String costOwner) {
    }

    /** {@code dynatrace: false} turns Dynatrace monitoring off for the service. */
    public record Monitoring(Boolean dynatrace, CustomMetrics customMetrics, Map<String, EnvironmentOverride> overrides) {
        public Monitoring {
            overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        }

        public boolean dynatraceEnabled() {
            return dynatrace == null || dynatrace;
        }
    }

    /** Where service-specific metrics come from: the catalog at a ref, its profiles, and inline metrics. */
    public record CustomMetrics(Repository repository, List<String> profiles, List<InlineMetric> metrics) {
        public CustomMetrics {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }
    }

    /** The metrics-catalog repository and the ref (tag, branch or commit) to read it at. */
    public record Repository(String url, String ref) {
    }

    /** An inline metric as entries write it; the merge flattens {@code dynatrace} into the metric. */
    public record InlineMetric(String name, String type, String description, MetricDynatrace dynatrace) {
    }

    public record MetricDynatrace(Boolean enabled, String unit, String aggregation, List<String> dimensions) {
        public MetricDynatrace {
            dimensions = dimensions == null ? null : List.copyOf(dimensions);
        }
    }

    /** What an entry changes for one environment (docs/spec.md#sources-and-precedence, the last source). */
    public record EnvironmentOverride(BigDecimal sloAvailability, BigDecimal sloLatencyP95ms, BigDecimal sloLatencyP99ms,
            BigDecimal sloErrorRate, OverrideDynatrace dynatrace) {
    }

    /** Alert rules are free-form objects: fields other than the known ones pass through to the output. */
    public record OverrideDynatrace(List<ObjectNode> alertRules) {
        public OverrideDynatrace {
            alertRules = alertRules == null ? List.of() : List.copyOf(alertRules);
        }
    }
}
