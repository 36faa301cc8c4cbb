package com.company.onboarding.pullrequest;

import com.company.onboarding.entry.ServiceEntry;
import java.util.Objects;

/**
 * One {@code POST /services}, after validation: the entry to add (already valid, the API
 * answers 422 before building this), who asked, and what the pull request says.
 *
 * @param entry         the validated entry
 * @param requestedBy   the person the scaffolder names ({@code requestedBy} of the body); null when it names none
 * @param draft         open the pull request as a draft (GitHub)
 * @param callerSubject the subject of the caller's token ({@code anonymous} when the service runs open)
 * @param summary       what the validated preview says, for the pull request's title and body; null gives a short body
 */
public record OnboardingRequest(ServiceEntry entry, String requestedBy, boolean draft, String callerSubject,
        PullRequestSummary summary) {

    public OnboardingRequest {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(entry.name(), "entry.name");
        callerSubject = callerSubject == null || callerSubject.isBlank() ? "anonymous" : callerSubject;
        requestedBy = requestedBy == null || requestedBy.isBlank() ? null : requestedBy;
    }

    public String service() {
        return entry.name();
    }
}
