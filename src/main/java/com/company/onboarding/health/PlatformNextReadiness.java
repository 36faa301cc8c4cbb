package com.company.onboarding.health;

import com.company.onboarding.error.ApiException;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.platform.PlatformSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while platform-next's base branch can be read: without it no request can be answered. */
@Readiness
@ApplicationScoped
public class PlatformNextReadiness implements HealthCheck {

    private final PlatformNextReader platform;

    @Inject
    PlatformNextReadiness(PlatformNextReader platform) {
        this.platform = platform;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            PlatformSnapshot snapshot = platform.snapshot();
            return HealthCheckResponse.named("platform-next").up().withData("commit", snapshot.commitId()).build();
        } catch (ApiException e) {
            return HealthCheckResponse.named("platform-next").down().withData("reason", e.detail()).build();
        }
    }
}
