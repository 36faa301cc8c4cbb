package com.company.onboarding.pullrequest;

import java.util.Optional;

/**
 * Where the pushed branch becomes a pull request: {@code local} (the branch is all there is)
 * or a PR host such as GitHub. Implementations are safe to call again for the same branch:
 * that is how a request after a crash between push and pull request finishes the job.
 */
public interface PullRequestProvider {

    /** {@code local}, {@code github}: the {@code provider} of the result. */
    String name();

    /** The open pull request from {@code branch}, if there is one. */
    Optional<PullRequestLink> findOpen(String branch);

    /**
     * Opens the pull request of a pushed branch. If the host already has one open from that
     * branch (another request got there first), that one is returned, not created.
     *
     * @throws com.company.onboarding.error.Unavailable when the host cannot be reached or rate-limits
     *                                                  past the retry bound (503, the branch stays pushed)
     */
    Opened open(PullRequestDraft draft);

    /** A pull request as the result names it; {@code number} and {@code url} are null on {@code local}. */
    record PullRequestLink(Integer number, String url) {
        public static final PullRequestLink LOCAL = new PullRequestLink(null, null);
    }

    /** @param created whether this call created it (false: it was already open) */
    record Opened(PullRequestLink link, boolean created) {
    }

    /** What a pull request is opened with. */
    record PullRequestDraft(String branch, String base, String title, String body, boolean draft) {
    }
}
