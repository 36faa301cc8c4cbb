package com.company.onboarding.merge;

import com.company.onboarding.entry.Target;
import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The merged Dynatrace config of one target, with what a preview tab shows beside it.
 *
 * @param target      environment, track, region and namespace
 * @param configMap   the ConfigMap CI writes; its {@code data."application.json"} is {@code application} pretty-printed
 * @param application the application document (docs/spec.md#output key order); shares subtrees with the
 *                    other targets, so it must not be modified
 * @param sources     the sources that contributed, in precedence order
 * @param provenance  which source set each value
 * @param findings    errors and warnings that concern this target (catalog-wide ones included), each once
 */
public record MergedTarget(Target target, ConfigMap configMap, ObjectNode application, List<Source> sources,
        Provenance provenance, List<Finding> findings) {

    public MergedTarget {
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
    }

    /** The ConfigMap as the YAML document CI writes. */
    public String yaml() {
        return ConfigMapYaml.render(configMap);
    }
}
