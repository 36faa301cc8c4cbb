package com.company.onboarding.pullrequest;

import com.company.onboarding.change.Change;
import com.company.onboarding.change.ChangeSummary;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.pullrequest.UpdateSummary.TargetRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The words of an update: the commit message (the service and what changed in its entry, the
 * changes listed, {@code Requested-by:} and {@code Updated-by:} trailers) and the pull request's
 * title and Markdown body (the entry's changes, per target what the merged config gains, loses
 * and changes, the catalog ref and commit, the warnings). Values from the request are flattened
 * to one line, as in onboarding's texts, so none can forge a trailer or break the body.
 */
final class UpdateText {

    /** Entry changes listed before the rest are counted. */
    static final int MAX_CHANGES = 30;

    private UpdateText() {
    }

    static String commitMessage(UpdateRequest request, String servicesPath) {
        StringBuilder message = new StringBuilder().append(subject(request)).append("\n\nChanges the entry of ")
                .append(request.service()).append(" in ").append(servicesPath)
                .append(" through the monitoring onboarding API:\n");
        entryChanges(request.summary().entryChanges(), message, false);
        message.append('\n');
        if (request.requestedBy() != null) {
            message.append("Requested-by: ").append(PullRequestText.oneLine(request.requestedBy())).append('\n');
        }
        return message.append("Updated-by: ").append(PullRequestText.oneLine(request.callerSubject())).append('\n')
                .toString();
    }

    static String title(UpdateRequest request) {
        return subject(request);
    }

    /** "Update account-service: catalog ref v1.2.0 -> v1.3.0", or the number of changes. */
    private static String subject(UpdateRequest request) {
        List<Change> changes = request.summary().entryChanges();
        String what;
        if (changes.size() == 1 && changes.get(0).pointer().equals("/monitoring/customMetrics/repository/ref")) {
            what = "metrics-catalog ref " + value(changes.get(0).before()) + " -> " + value(changes.get(0).after());
        } else if (changes.size() == 1) {
            what = changes.get(0).kind().json() + " " + changes.get(0).pointer();
        } else {
            what = changes.size() + " changes to its entry";
        }
        return "Update " + request.service() + ": " + PullRequestText.oneLine(what);
    }

    static String body(UpdateRequest request, String servicesPath) {
        UpdateSummary summary = request.summary();
        StringBuilder body = new StringBuilder().append("Changes the entry of `").append(request.service())
                .append("` in `").append(servicesPath).append("`:\n\n");
        entryChanges(summary.entryChanges(), body, true);
        body.append('\n');
        targets(summary.targets(), body);
        catalog(summary, body);
        warnings(summary.warnings(), body);
        body.append("\n---\nOpened by the monitoring onboarding API");
        if (request.requestedBy() != null) {
            body.append(" for ").append(code(request.requestedBy()));
        }
        return body.append(" (caller ").append(code(request.callerSubject())).append(").\n").toString();
    }

    private static void entryChanges(List<Change> changes, StringBuilder out, boolean markdown) {
        changes.stream().limit(MAX_CHANGES).forEach(change -> {
            out.append("- ").append(markdown ? code(change.pointer()) : PullRequestText.oneLine(change.pointer()))
                    .append(' ').append(change.kind().json());
            if (change.kind() != Change.Kind.ADDED) {
                out.append(markdown ? ": " + code(value(change.before())) : ": " + value(change.before()));
            }
            if (change.kind() != Change.Kind.REMOVED) {
                out.append(" -> ").append(markdown ? code(value(change.after())) : value(change.after()));
            }
            out.append('\n');
        });
        if (changes.size() > MAX_CHANGES) {
            out.append("- and ").append(changes.size() - MAX_CHANGES).append(" more\n");
        }
    }

    private static void targets(List<TargetRow> targets, StringBuilder body) {
        if (targets.isEmpty()) {
            body.append("No Dynatrace targets before or after: Dynatrace monitoring is off for this service.\n");
            return;
        }
        body.append("What each target's Dynatrace config gets (+ added, - removed, ~ changed):\n\n")
                .append("| environment | track | region | target | custom metrics | alert rules | SLOs | other values |\n")
                .append("|---|---|---|---|---|---|---|---:|\n");
        for (TargetRow row : targets) {
            ChangeSummary changes = row.changes();
            body.append("| ").append(cell(row.environment())).append(" | ").append(cell(row.track())).append(" | ")
                    .append(cell(row.region())).append(" | ").append(row.status().json()).append(" | ")
                    .append(tally(changes.customMetrics())).append(" | ").append(tally(changes.alertRules()))
                    .append(" | ").append(tally(changes.slos())).append(" | ").append(changes.other()).append(" |\n");
        }
    }

    private static String tally(ChangeSummary.Tally tally) {
        return tally.isEmpty() ? "" : "+" + tally.added() + " -" + tally.removed() + " ~" + tally.changed();
    }

    private static void catalog(UpdateSummary summary, StringBuilder body) {
        if (summary.catalogRefAfter() == null) {
            body.append("\nNo metrics-catalog.\n");
            return;
        }
        body.append("\nmetrics-catalog: ref ");
        if (summary.catalogRefBefore() != null && !summary.catalogRefBefore().equals(summary.catalogRefAfter())) {
            body.append(code(summary.catalogRefBefore())).append(" -> ");
        }
        body.append(code(summary.catalogRefAfter()));
        if (summary.catalogCommitAfter() != null) {
            body.append(" at commit ").append(code(summary.catalogCommitAfter()));
        }
        body.append(".\n");
    }

    private static void warnings(List<Finding> warnings, StringBuilder body) {
        if (warnings.isEmpty()) {
            body.append("\nNo warnings.\n");
            return;
        }
        body.append("\nWarnings:\n");
        warnings.stream().limit(PullRequestText.MAX_WARNINGS).forEach(warning -> body.append("- ")
                .append(code(warning.code())).append(" at ").append(code(warning.pointer().isEmpty() ? "/" : warning.pointer()))
                .append(": ").append(PullRequestText.oneLine(warning.message())).append('\n'));
        if (warnings.size() > PullRequestText.MAX_WARNINGS) {
            body.append("- and ").append(warnings.size() - PullRequestText.MAX_WARNINGS).append(" more\n");
        }
    }

    /** A value on one line: a string as it is, anything else as JSON. */
    private static String value(JsonNode value) {
        return value == null ? "" : PullRequestText.oneLine(value.isTextual() ? value.textValue() : value.toString());
    }

    private static String code(String value) {
        return "`" + PullRequestText.oneLine(value == null ? "" : value).replace("`", "'") + "`";
    }

    private static String cell(String value) {
        return PullRequestText.oneLine(value == null ? "" : value).replace("|", "\\|");
    }
}
