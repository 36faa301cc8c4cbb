package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One input of a merge (docs/spec.md#sources-and-precedence), in precedence order of {@link Kind}. {@code label} is
 * what provenance shows a person ("catalog profile payment-business-metrics @ v1.2.0 (commit
 * abc1234), file profiles/payment-business-metrics/metrics.yaml"); the other fields let a client
 * link to the file.
 *
 * @param kind        which of the six sources
 * @param name        profile name, catalog profile name, or service name
 * @param environment the environment of an override; null otherwise
 * @param ref         platform-next branch or metrics-catalog ref; null for the entry itself
 * @param commit      the commit the file was read at; null for the entry itself
 * @param path        the file in its repository; null for the entry itself
 * @param label       readable one-line name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(Kind kind, String name, String environment, String ref, String commit, String path, String label) {

    /** The six sources, lowest precedence first. */
    public enum Kind {
        PROFILE("profile"),
        PROFILE_OVERRIDE("profile-override"),
        CATALOG_PROFILE("catalog-profile"),
        CATALOG_SERVICE("catalog-service"),
        INLINE("inline"),
        ENTRY_OVERRIDE("entry-override");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }
    }

    static Source profile(String profile, MergeInput.ProfileOrigin origin) {
        return new Source(Kind.PROFILE, profile, null, origin.ref(), origin.commit(), origin.path(), "profile " + profile);
    }

    static Source profileOverride(String profile, String environment, MergeInput.ProfileOrigin origin) {
        return new Source(Kind.PROFILE_OVERRIDE, profile, environment, origin.ref(), origin.commit(), origin.path(),
                "profile " + profile + ", override " + environment);
    }

    static Source catalogProfile(String profile, CatalogSnapshot catalog, CatalogFile file) {
        return new Source(Kind.CATALOG_PROFILE, profile, null, catalog.ref(), catalog.commit(), file.path(),
                "catalog profile " + profile + at(catalog) + ", file " + file.path());
    }

    static Source catalogService(String service, CatalogSnapshot catalog, CatalogFile file) {
        return new Source(Kind.CATALOG_SERVICE, service, null, catalog.ref(), catalog.commit(), file.path(),
                "catalog service " + service + at(catalog) + ", file " + file.path());
    }

    static Source inline(String service) {
        return new Source(Kind.INLINE, service, null, null, null, null, "inline");
    }

    static Source entryOverride(String service, String environment) {
        return new Source(Kind.ENTRY_OVERRIDE, service, environment, null, null, null, "entry override " + environment);
    }

    /** True when the source is the entry itself: findings then point into the entry and name no source. */
    @JsonIgnore
    public boolean isEntry() {
        return kind == Kind.INLINE || kind == Kind.ENTRY_OVERRIDE;
    }

    /**
     * How a finding names this source's document: {@code <path>@<ref>}, e.g.
     * {@code services/payment-processor/payment-business-metrics.yaml@v1.2.0}; null for the entry.
     */
    @JsonIgnore
    public String document() {
        return isEntry() ? null : document(path, ref);
    }

    /** {@code <path>@<ref>}, or the path alone when the ref is unknown. */
    static String document(String path, String ref) {
        return ref == null ? path : path + "@" + ref;
    }

    /** Where items of a profile live in the profiles file, as a JSON pointer prefix. */
    static String profilePointer(String profile) {
        return "/monitoringProfiles/" + YamlTrees.escape(profile);
    }

    private static String at(CatalogSnapshot catalog) {
        String shortCommit = catalog.commit().length() > 7 ? catalog.commit().substring(0, 7) : catalog.commit();
        return catalog.ref().equals(catalog.commit()) ? " @ commit " + shortCommit
                : " @ " + catalog.ref() + " (commit " + shortCommit + ")";
    }
}
