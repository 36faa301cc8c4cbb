package com.company.onboarding.pullrequest;

import java.util.Optional;

/**
 * The {@code local} provider: the pushed branch is the whole result (no PR host). A branch
 * that exists is "open"; opening one after the push creates nothing more.
 */
public final class LocalPullRequests implements PullRequestProvider {

    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<PullRequestLink> findOpen(String branch) {
        return Optional.of(PullRequestLink.LOCAL);
    }

    @Override
    public Opened open(PullRequestDraft draft) {
        return new Opened(PullRequestLink.LOCAL, true);
    }
}
