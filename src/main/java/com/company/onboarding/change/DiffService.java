package com.company.onboarding.change;

import com.company.onboarding.assessment.Assessment;
import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.catalog.MetricsCatalog;
import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.entry.Names;
import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.platform.PlatformSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /services/{name}/diff} and {@code GET /services/{name}/diff?ref=}: the entry on
 * platform-next's base branch against a proposed replacement, both through the one assessment
 * pipeline (as existing entries: {@code service.exists} does not apply), then compared by
 * {@link MergeDiff}. An invalid proposal is a 422 with the findings validate reports.
 */
@ApplicationScoped
public class DiffService {

    private final AssessmentService assessments;
    private final PlatformNextReader platform;
    private final MetricsCatalog catalog;
    private final MetricsCatalogConfig catalogConfig;

    DiffService(AssessmentService assessments, PlatformNextReader platform, MetricsCatalog catalog,
            MetricsCatalogConfig catalogConfig) {
        this.assessments = assessments;
        this.platform = platform;
        this.catalog = catalog;
        this.catalogConfig = catalogConfig;
    }

    /**
     * @throws BadRequest    {@code entry.name.mismatch} when the body's name is not {@code name}
     * @throws NotFound      {@code service.not-found} when the base branch has no such service
     * @throws com.company.onboarding.error.Unprocessable when the proposal is invalid
     */
    public EntryDiff diff(String name, JsonNode proposed) {
        requireSameName(name, proposed);
        PlatformSnapshot snapshot = platform.snapshot();
        ObjectNode current = current(snapshot, name);
        return compare(snapshot.commitId(), current, proposed);
    }

    /**
     * The entry as it stands, moved to another catalog ref (an entry without a catalog gets the
     * configured one at that ref).
     *
     * @throws BadRequest {@code catalog.ref.invalid} for a missing or malformed ref
     * @throws NotFound   {@code service.not-found}, or {@code catalog.ref.not-found} for a ref the catalog lacks
     */
    public EntryDiff diffAtRef(String name, String ref) {
        if (ref == null || ref.isBlank()) {
            throw new BadRequest("catalog.ref.invalid", "the query parameter ref is required: the metrics-catalog"
                    + " tag, branch or commit to compare against", Map.of("parameter", "ref"));
        }
        PlatformSnapshot snapshot = platform.snapshot();
        ObjectNode current = current(snapshot, name);
        catalog.at(ref); // a malformed or unknown ref is the caller's mistake: 400 or 404, not a finding
        return compare(snapshot.commitId(), current, EntryRefs.withRef(current, ref, catalogConfig.url().value()));
    }

    /** The current entry against a proposal, both assessed against the base branch as it is now. */
    public EntryDiff compare(String baseCommit, ObjectNode current, JsonNode proposed) {
        Assessment after = assessments.existing(proposed).requireValid();
        Assessment before = assessments.existing(current);
        return of(after.entry().name(), baseCommit, current, proposed, before, after, true);
    }

    /** The diff of two assessments of one service; {@code yaml} adds each target's ConfigMap diff. */
    static EntryDiff of(String service, String baseCommit, JsonNode current, JsonNode proposed, Assessment before,
            Assessment after, boolean yaml) {
        List<TargetDiff> targets = MergeDiff.targets(service, before.merge(), after.merge(), yaml);
        List<Change> entryChanges = MergeDiff.entry(current, proposed);
        boolean changed = targets.stream().anyMatch(t -> t.status() != TargetDiff.Status.UNCHANGED);
        return new EntryDiff(service, changed ? EntryDiff.Status.CHANGED : EntryDiff.Status.UNCHANGED, baseCommit,
                EntryDiff.Side.of(before.merge()), EntryDiff.Side.of(after.merge()), EntryDiff.Counts.of(targets),
                entryChanges, targets, after.valid(), after.errors(), after.warnings());
    }

    /** The entry named {@code name} on the base branch. */
    public static ObjectNode current(PlatformSnapshot snapshot, String name) {
        return snapshot.services().entry(name).orElseThrow(() -> new NotFound("service.not-found",
                "no service named \"" + (Names.isDns1123Label(name) ? name : "(invalid name)") + "\" in services.yaml"));
    }

    /** A proposal replaces the entry of its own name: the body must name the service of the path. */
    public static void requireSameName(String name, JsonNode proposed) {
        JsonNode given = proposed.path("name");
        if (!given.isTextual() || !given.textValue().equals(name)) {
            throw new BadRequest("entry.name.mismatch", "the entry's name must be \"" + (Names.isDns1123Label(name)
                    ? name : "(the service in the path)") + "\", the service in the path: a change replaces"
                    + " that service's entry (a new service is onboarded with POST /services)",
                    Map.of("pointer", "/name"));
        }
    }
}
