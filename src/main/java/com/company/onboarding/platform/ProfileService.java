package com.company.onboarding.platform;

import com.company.onboarding.entry.Names;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.profile.ProfileSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The monitoring profiles on platform-next's base branch. */
@ApplicationScoped
public class ProfileService {

    private final PlatformNextReader platform;

    ProfileService(PlatformNextReader platform) {
        this.platform = platform;
    }

    public record ProfileList(String commit, List<ProfileSummary> profiles) {
    }

    public ProfileList list() {
        var snapshot = platform.snapshot();
        return new ProfileList(snapshot.commitId(),
                snapshot.profiles().values().stream().map(ProfileSummary::of).toList());
    }

    public MonitoringProfile get(String name) {
        return find(name).orElseThrow(() -> new NotFound("profile.not-found",
                "no monitoring profile named \"" + (Names.isDns1123Label(name) ? name : "(invalid name)") + "\""));
    }

    public Optional<MonitoringProfile> find(String name) {
        return Optional.ofNullable(platform.snapshot().profiles().get(name));
    }
}
