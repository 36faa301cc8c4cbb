package com.company.onboarding.platform;

import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.profile.MonitoringProfile;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * platform-next's base branch at one commit, parsed. A file that does not parse does not
 * hide the other: its accessor throws the {@link UpstreamInvalid} that names the problem.
 */
public final class PlatformSnapshot {

    private final ObjectId commit;
    private final Instant readAt;
    private final Map<String, MonitoringProfile> profiles;
    private final UpstreamInvalid profilesError;
    private final ServicesFile services;
    private final UpstreamInvalid servicesError;

    PlatformSnapshot(ObjectId commit, Instant readAt, Map<String, MonitoringProfile> profiles, UpstreamInvalid profilesError,
            ServicesFile services, UpstreamInvalid servicesError) {
        this.commit = commit;
        this.readAt = readAt;
        this.profiles = profiles;
        this.profilesError = profilesError;
        this.services = services;
        this.servicesError = servicesError;
    }

    public ObjectId commit() {
        return commit;
    }

    public String commitId() {
        return commit.name();
    }

    public Instant readAt() {
        return readAt;
    }

    public Map<String, MonitoringProfile> profiles() {
        if (profilesError != null) {
            throw profilesError;
        }
        return profiles;
    }

    public ServicesFile services() {
        if (servicesError != null) {
            throw servicesError;
        }
        return services;
    }
}
