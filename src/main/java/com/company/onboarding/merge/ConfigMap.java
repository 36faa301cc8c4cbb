package com.company.onboarding.merge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Dynatrace ConfigMap CI writes for one target (docs/spec.md#output), as data: maps keep their
 * order. {@link ConfigMapYaml} renders it; a JSON client gets it as is.
 */
public record ConfigMap(String apiVersion, String kind, Metadata metadata, Map<String, String> data) {

    /** The annotation naming the metrics-catalog ref the target was merged from. */
    public static final String CATALOG_REF_ANNOTATION = "monitoring.company.com/metrics-catalog-ref";
    /** The annotation naming the commit that ref resolved to. */
    public static final String CATALOG_COMMIT_ANNOTATION = "monitoring.company.com/metrics-catalog-commit";
    /** The key of the application document in {@code data}. */
    public static final String APPLICATION_JSON = "application.json";

    public ConfigMap {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** Annotations are left out when there are none (an entry without a catalog). */
    public record Metadata(String name, String namespace, Map<String, String> labels,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> annotations) {
        public Metadata {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        }
    }

    /** The pretty-printed application document. */
    @JsonIgnore
    public String applicationJson() {
        return data.get(APPLICATION_JSON);
    }
}
