package com.company.onboarding.pullrequest;

import com.company.onboarding.change.Change;
import com.company.onboarding.change.ChangeSummary;
import com.company.onboarding.change.EntryDiff;
import com.company.onboarding.change.TargetDiff;
import com.company.onboarding.finding.Finding;
import java.util.List;

/**
 * What an update's commit and pull request say, from the diff: the changes of the entry itself,
 * the catalog ref and commit before and after, and per target its status and counted changes.
 */
public record UpdateSummary(List<Change> entryChanges, String catalogRefBefore, String catalogRefAfter,
        String catalogCommitAfter, List<TargetRow> targets, List<Finding> warnings) {

    public UpdateSummary {
        entryChanges = List.copyOf(entryChanges);
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
    }

    /** One target: where, what happens to it, and its changes counted. */
    public record TargetRow(String environment, String track, String region, TargetDiff.Status status,
            ChangeSummary changes) {
    }

    public static UpdateSummary of(EntryDiff diff) {
        List<TargetRow> rows = diff.targets().stream().map(t -> new TargetRow(t.target().environment(),
                t.target().track(), t.target().region(), t.status(), t.summary())).toList();
        return new UpdateSummary(diff.entryChanges(), diff.before().catalogRef(), diff.after().catalogRef(),
                diff.after().catalogCommit(), rows, diff.warnings());
    }
}
