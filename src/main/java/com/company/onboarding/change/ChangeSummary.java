package com.company.onboarding.change;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A target's changes counted the way a reviewer reads them: custom metrics, alert rules and SLOs
 * added, removed and changed (an item counts once however many of its fields changed), and how
 * many other values changed (dashboards, request attributes, metadata, labels, annotations).
 */
@Schema(name = "ChangeSummary")
public record ChangeSummary(Tally customMetrics, Tally alertRules, Tally slos, int other) {

    /** Items added, removed and changed. */
    @Schema(name = "ChangeTally")
    public record Tally(int added, int removed, int changed) {

        public boolean isEmpty() {
            return added == 0 && removed == 0 && changed == 0;
        }
    }

    public static ChangeSummary of(List<Change> changes) {
        Map<String, Map<String, Change.Kind>> sections = new HashMap<>();
        int other = 0;
        for (Change change : changes) {
            String[] path = change.pointer().split("/", -1); // "", section, item, field...
            String section = path.length > 1 ? path[1] : "";
            boolean counted = path.length >= 3 && (section.equals("customMetrics") || section.equals("alertRules")
                    || section.equals("slos"));
            if (!counted) {
                other++;
                continue;
            }
            // The item itself added or removed, or any of its fields changed: the item changed.
            Change.Kind kind = path.length == 3 ? change.kind() : Change.Kind.CHANGED;
            sections.computeIfAbsent(section, s -> new HashMap<>()).merge(path[2], kind,
                    (a, b) -> a == b ? a : Change.Kind.CHANGED);
        }
        return new ChangeSummary(tally(sections.get("customMetrics")), tally(sections.get("alertRules")),
                tally(sections.get("slos")), other);
    }

    private static Tally tally(Map<String, Change.Kind> items) {
        int[] counts = new int[Change.Kind.values().length];
        if (items != null) {
            items.values().forEach(kind -> counts[kind.ordinal()]++);
        }
        return new Tally(counts[Change.Kind.ADDED.ordinal()], counts[Change.Kind.REMOVED.ordinal()],
                counts[Change.Kind.CHANGED.ordinal()]);
    }
}
