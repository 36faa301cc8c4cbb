package com.company.onboarding.pullrequest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One {@code PUT /services/{name}}, after validation: the entry that replaces the service's
 * entry (keys in the design document's order, which is where added keys go), who asked, and
 * what the pull request says.
 *
 * @param entry         the validated entry, as a tree
 * @param requestedBy   the person the caller names; null when it names none
 * @param draft         open the pull request as a draft (GitHub)
 * @param callerSubject the subject of the caller's token ({@code anonymous} when the service runs open)
 * @param summary       the diff's summary for the commit message and the pull request's body
 */
public record UpdateRequest(String service, ObjectNode entry, String requestedBy, boolean draft, String callerSubject,
        UpdateSummary summary) {

    public UpdateRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(summary, "summary");
        callerSubject = callerSubject == null || callerSubject.isBlank() ? "anonymous" : callerSubject;
        requestedBy = requestedBy == null || requestedBy.isBlank() ? null : requestedBy;
    }
}
