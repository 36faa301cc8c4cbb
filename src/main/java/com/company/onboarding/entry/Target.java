package com.company.onboarding.entry;

/**
 * One place an entry is deployed: an (environment, track, region) of {@code enabledIn} x {@code regions}.
 * Its namespace is {@code <env>-<service>-<region>-<track>} (docs/spec.md#merge-semantics).
 */
public record Target(String environment, String track, String region, String namespace) {

    public static Target of(String service, String environment, String track, String region) {
        return new Target(environment, track, region, environment + "-" + service + "-" + region + "-" + track);
    }

    /** Where CI writes this target's ConfigMap. */
    public String generatedPath(String service) {
        return "generated/" + service + "/" + environment + "/" + region + "/monitoring/dynatrace-app-config.yaml";
    }
}
