package com.company.onboarding.pullrequest;

import com.company.onboarding.servicesyaml.EntryOrder;
import com.company.onboarding.servicesyaml.EntryReplacer;
import com.company.onboarding.access.Caller;
import com.company.onboarding.assessment.Assessment;
import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.change.DiffService;
import com.company.onboarding.change.EntryDiff;
import com.company.onboarding.error.Unprocessable;
import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /services/{name}}: reads the request as {@code POST /services} does, checks the
 * entry is the service of the path (400) and on the base branch (404), validates it with the one
 * pipeline (422; a failing entry never reaches git), diffs it against the entry there for the
 * commit and pull request, and hands it to {@link UpdateService}.
 */
@ApplicationScoped
public class Updater {

    private final AssessmentService assessments;
    private final DiffService diffs;
    private final UpdateService updates;

    Updater(AssessmentService assessments, DiffService diffs, UpdateService updates) {
        this.assessments = assessments;
        this.diffs = diffs;
        this.updates = updates;
    }

    /** The body is {@code {entry, requestedBy?, draft?}}; pointers of entry findings are into the entry. */
    public UpdateResult update(String name, JsonNode body, Caller caller) {
        List<Finding> envelope = new ArrayList<>();
        JsonNode entry = body.path("entry");
        if (!body.isObject()) {
            envelope.add(Finding.error("", "entry.malformed", "the body must be {entry, requestedBy?, draft?}"));
        } else if (entry.isMissingNode() || entry.isNull()) {
            envelope.add(Finding.error("/entry", "field.required", "entry is required: the services.yaml item that"
                    + " replaces the service's entry"));
        }
        JsonNode requestedBy = body.path("requestedBy");
        if (!requestedBy.isMissingNode() && !requestedBy.isNull() && !requestedBy.isTextual()) {
            envelope.add(Finding.error("/requestedBy", "entry.malformed", "must be a string"));
        }
        JsonNode draft = body.path("draft");
        if (!draft.isMissingNode() && !draft.isNull() && !draft.isBoolean()) {
            envelope.add(Finding.error("/draft", "entry.malformed", "must be true or false"));
        }
        if (!envelope.isEmpty()) {
            throw new Unprocessable("entry.invalid", "the request is not {entry, requestedBy?, draft?}", envelope);
        }
        EntryDiff diff = diffs.diff(name, entry); // 400 another name, 404 no such service, 422 invalid
        Assessment assessment = assessments.existing(entry).requireValid();
        return updates.update(new UpdateRequest(name, EntryOrder.of(entry, assessment.entry()),
                requestedBy.isTextual() ? requestedBy.asText() : null, draft.asBoolean(false), caller.subject(),
                UpdateSummary.of(diff)));
    }
}
