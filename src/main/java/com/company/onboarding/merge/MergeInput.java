package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Targets;
import com.company.onboarding.profile.MonitoringProfile;
import java.util.Objects;

/**
 * Everything a merge reads, already parsed: nothing here touches git or HTTP.
 *
 * @param entry         the service entry, bound (validation has checked its types)
 * @param profile       the monitoring profile the entry names
 * @param profileOrigin where the profile was read (platform-next branch, commit, file); for sources and findings
 * @param catalog       the metrics-catalog at the entry's ref, or null when the entry names no repository
 * @param targets       the configured environments, tracks and regions that expand the entry into targets
 */
public record MergeInput(ServiceEntry entry, MonitoringProfile profile, ProfileOrigin profileOrigin,
        CatalogSnapshot catalog, Targets targets) {

    /** The file the profiles came from on platform-next; ref and commit may be null when unknown. */
    public record ProfileOrigin(String ref, String commit, String path) {
        public static final ProfileOrigin UNKNOWN =
                new ProfileOrigin(null, null, "kustomize/catalog/monitoring-profiles.yaml");

        public ProfileOrigin {
            Objects.requireNonNull(path, "path");
        }
    }

    public MergeInput {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.name(), "entry.name");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(targets, "targets");
        profileOrigin = profileOrigin == null ? ProfileOrigin.UNKNOWN : profileOrigin;
    }
}
