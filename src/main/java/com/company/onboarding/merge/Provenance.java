package com.company.onboarding.merge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every value of one target's application document came from. Lists run parallel to the
 * application's lists (same order, same length), so a client finds item {@code i}'s provenance at
 * index {@code i}; the maps use the application's keys.
 */
public record Provenance(Map<String, String> monitoring, List<ItemProvenance> requestAttributes, Map<String, String> slos,
        List<ItemProvenance> alertRules, List<ItemProvenance> customMetrics, List<ItemProvenance> dashboards) {

    public Provenance {
        monitoring = Collections.unmodifiableMap(new LinkedHashMap<>(monitoring));
        requestAttributes = List.copyOf(requestAttributes);
        slos = Collections.unmodifiableMap(new LinkedHashMap<>(slos));
        alertRules = List.copyOf(alertRules);
        customMetrics = List.copyOf(customMetrics);
        dashboards = List.copyOf(dashboards);
    }
}
