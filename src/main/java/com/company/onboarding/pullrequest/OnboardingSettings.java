package com.company.onboarding.pullrequest;

import com.company.onboarding.config.PullRequestConfig;
import java.time.Duration;

/**
 * The settings of the onboarding flow, from {@code pull-request.*}.
 *
 * @param branchPrefix onboarding branches are {@code <prefix><service>}
 * @param maxAttempts  reads of platform-next one request makes at most, after lost races
 * @param lockTimeout  how long a request waits for another of the same service in this replica
 */
public record OnboardingSettings(String branchPrefix, String authorName, String authorEmail, int maxAttempts,
        Duration lockTimeout) {

    public static OnboardingSettings of(PullRequestConfig config) {
        return new OnboardingSettings(config.branchPrefix(), config.authorName(), config.authorEmail(),
                config.maxAttempts(), config.lockTimeout());
    }

    public String branch(String service) {
        return branchPrefix + service;
    }
}
