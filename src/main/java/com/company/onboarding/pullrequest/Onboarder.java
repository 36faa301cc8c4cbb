package com.company.onboarding.pullrequest;

import com.company.onboarding.access.Caller;
import com.company.onboarding.assessment.Assessment;
import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.Unprocessable;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeResult;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /services} (docs/spec.md#opening-the-pull-request): reads the request, validates the entry with the one
 * validator (a failing entry never reaches git), summarises its preview for the pull request,
 * and hands it to {@link OnboardingService}.
 */
@ApplicationScoped
public class Onboarder {

    private final AssessmentService assessments;
    private final OnboardingService onboarding;

    Onboarder(AssessmentService assessments, OnboardingService onboarding) {
        this.assessments = assessments;
        this.onboarding = onboarding;
    }

    /** The body is {@code {entry, requestedBy?, draft?}}; pointers of entry findings are into the entry. */
    public OnboardingResult onboard(JsonNode body, Caller caller) {
        List<Finding> envelope = new ArrayList<>();
        JsonNode entry = body.path("entry");
        if (!body.isObject()) {
            envelope.add(Finding.error("", "entry.malformed", "the body must be {entry, requestedBy?, draft?}"));
        } else if (entry.isMissingNode() || entry.isNull()) {
            envelope.add(Finding.error("/entry", "field.required", "entry is required: the services.yaml item to add"));
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
        Assessment assessment = assessments.proposed(entry);
        if (assessment.errors().stream().anyMatch(f -> f.code().equals("service.exists"))) {
            // Not a mistake in the entry but a conflict with platform-next (docs/spec.md#http-api): 409, findings attached.
            throw new Conflict("service.exists", "a service named \"" + assessment.entry().name()
                    + "\" is already in services.yaml on the base branch", Map.of("errors", assessment.errors()));
        }
        assessment.requireValid();
        return onboarding.onboard(new OnboardingRequest(assessment.entry(),
                requestedBy.isTextual() ? requestedBy.asText() : null, draft.asBoolean(false), caller.subject(),
                summary(assessment)));
    }

    static PullRequestSummary summary(Assessment assessment) {
        MergeResult merge = assessment.merge();
        List<PullRequestSummary.TargetSummary> targets = merge.targets().stream().map(t -> new PullRequestSummary.TargetSummary(
                t.target().environment(), t.target().track(), t.target().region(), t.target().namespace(),
                t.application().path("customMetrics").size(), t.application().path("alertRules").size())).toList();
        MergeResult.Inputs used = merge.inputs();
        return new PullRequestSummary(assessment.entry().name(), used.profile(), targets, used.catalogRef(),
                used.catalogCommit(), assessment.warnings());
    }
}
