package com.company.onboarding.change;

import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeResult;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What replacing an entry on platform-next's base branch with a proposed one does: per target of
 * either version, its status, every difference of its merged config and the diff of its
 * ConfigMap; what changed in the entry itself; and the proposed entry's findings.
 *
 * @param baseCommit   the platform-next commit the current entry was read at
 * @param entryChanges the differences of the entry itself (pointers into the entry)
 */
@Schema(name = "EntryDiff")
public record EntryDiff(
        @Schema(example = "account-service") String service,
        @Schema(description = "changed when any target is added, removed or changed",
                implementation = String.class, type = SchemaType.STRING, enumeration = {"changed", "unchanged"})
        Status status,
        @Schema(description = "The platform-next commit the current entry was read at") String baseCommit,
        @Schema(description = "What the current entry merges with") Side before,
        @Schema(description = "What the proposed entry merges with") Side after,
        @Schema(description = "How many targets are added, removed, changed and unchanged") Counts summary,
        @Schema(description = "The differences of the entry itself, pointers into the entry") List<Change> entryChanges,
        List<TargetDiff> targets,
        @Schema(description = "Always true in a 200: an invalid proposal is a 422") boolean valid,
        List<Finding> errors,
        List<Finding> warnings) {

    public EntryDiff {
        entryChanges = List.copyOf(entryChanges);
        targets = List.copyOf(targets);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public enum Status {
        CHANGED, UNCHANGED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The inputs one side merged: profile, catalog ref and commit (null without a catalog; all
     * null when the entry could not be merged at all).
     */
    @Schema(name = "DiffSide")
    public record Side(String profile, String catalogRef, String catalogCommit) {

        static Side of(MergeResult merge) {
            return merge == null ? new Side(null, null, null)
                    : new Side(merge.inputs().profile(), merge.inputs().catalogRef(), merge.inputs().catalogCommit());
        }
    }

    /** Targets by status. */
    @Schema(name = "TargetCounts")
    public record Counts(int added, int removed, int changed, int unchanged) {

        static Counts of(List<TargetDiff> targets) {
            int[] counts = new int[TargetDiff.Status.values().length];
            targets.forEach(t -> counts[t.status().ordinal()]++);
            return new Counts(counts[TargetDiff.Status.ADDED.ordinal()], counts[TargetDiff.Status.REMOVED.ordinal()],
                    counts[TargetDiff.Status.CHANGED.ordinal()], counts[TargetDiff.Status.UNCHANGED.ordinal()]);
        }
    }
}
