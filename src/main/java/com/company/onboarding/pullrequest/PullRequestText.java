package com.company.onboarding.pullrequest;

import com.company.onboarding.finding.Finding;
import com.company.onboarding.pullrequest.PullRequestSummary.TargetSummary;

/**
 * The words of an onboarding: the commit message (service, profile, and {@code Requested-by:}
 * and {@code Onboarded-by:} trailers) and the pull request's title and Markdown body
 * (targets with their counts, the catalog ref and commit, the warnings). Values that come
 * from a request are flattened to one line, so none can forge a trailer or break the body.
 */
final class PullRequestText {

    /** GitHub refuses bodies over 65,536 characters; warnings past this many are counted, not listed. */
    static final int MAX_WARNINGS = 50;
    private static final int MAX_VALUE = 200;

    private PullRequestText() {
    }

    static String commitMessage(OnboardingRequest request, String servicesPath) {
        String service = request.service();
        StringBuilder message = new StringBuilder()
                .append("Onboard ").append(service).append(" with monitoring profile ").append(profile(request))
                .append("\n\nAdds the entry of ").append(service).append(" to ").append(servicesPath)
                .append(" through the monitoring onboarding API.\n\n");
        if (request.requestedBy() != null) {
            message.append("Requested-by: ").append(oneLine(request.requestedBy())).append('\n');
        }
        return message.append("Onboarded-by: ").append(oneLine(request.callerSubject())).append('\n').toString();
    }

    static String title(OnboardingRequest request) {
        return "Onboard " + request.service() + " to Dynatrace monitoring (" + profile(request) + ")";
    }

    static String body(OnboardingRequest request, String servicesPath) {
        PullRequestSummary summary = request.summary();
        StringBuilder body = new StringBuilder()
                .append("Adds `").append(request.service()).append("` to `").append(servicesPath)
                .append("` with the monitoring profile `").append(profile(request)).append("`.\n\n");
        if (summary == null) {
            body.append("_No preview summary was given._\n");
        } else {
            targets(body, summary);
            catalog(body, summary);
            warnings(body, summary);
        }
        body.append("\n---\nOpened by the monitoring onboarding API");
        if (request.requestedBy() != null) {
            body.append(" for ").append(code(request.requestedBy()));
        }
        return body.append(" (caller ").append(code(request.callerSubject())).append(").\n").toString();
    }

    private static void targets(StringBuilder body, PullRequestSummary summary) {
        if (summary.targets().isEmpty()) {
            body.append("No Dynatrace targets: Dynatrace monitoring is off for this service.\n");
            return;
        }
        body.append("| environment | track | region | namespace | custom metrics | alert rules |\n")
                .append("|---|---|---|---|---:|---:|\n");
        for (TargetSummary target : summary.targets()) {
            body.append("| ").append(cell(target.environment())).append(" | ").append(cell(target.track()))
                    .append(" | ").append(cell(target.region())).append(" | ").append(code(target.namespace()))
                    .append(" | ").append(target.customMetrics()).append(" | ").append(target.alertRules()).append(" |\n");
        }
    }

    private static void catalog(StringBuilder body, PullRequestSummary summary) {
        if (summary.catalogRef() == null) {
            body.append("\nNo metrics-catalog.\n");
            return;
        }
        body.append("\nmetrics-catalog: ref ").append(code(summary.catalogRef()));
        if (summary.catalogCommit() != null) {
            body.append(" at commit ").append(code(summary.catalogCommit()));
        }
        body.append(".\n");
    }

    private static void warnings(StringBuilder body, PullRequestSummary summary) {
        if (summary.warnings().isEmpty()) {
            body.append("\nNo warnings.\n");
            return;
        }
        body.append("\nWarnings:\n");
        summary.warnings().stream().limit(MAX_WARNINGS).forEach((Finding warning) -> body.append("- ")
                .append(code(warning.code())).append(" at ").append(code(warning.pointer().isEmpty() ? "/" : warning.pointer()))
                .append(": ").append(oneLine(warning.message())).append('\n'));
        if (summary.warnings().size() > MAX_WARNINGS) {
            body.append("- and ").append(summary.warnings().size() - MAX_WARNINGS).append(" more\n");
        }
    }

    private static String profile(OnboardingRequest request) {
        String profile = request.summary() != null && request.summary().profile() != null
                ? request.summary().profile() : request.entry().monitoringProfile();
        return profile == null ? "(archetype default)" : oneLine(profile);
    }

    /** One line, no control characters, bounded: safe in a trailer, a table cell and a code span. */
    static String oneLine(String value) {
        String line = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
        return line.length() <= MAX_VALUE ? line : line.substring(0, MAX_VALUE) + "…";
    }

    private static String code(String value) {
        return "`" + oneLine(value == null ? "" : value).replace("`", "'") + "`";
    }

    private static String cell(String value) {
        return oneLine(value == null ? "" : value).replace("|", "\\|");
    }
}
