package com.company.onboarding.change;

import com.company.onboarding.assessment.Assessment;
import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.assessment.Mode;
import com.company.onboarding.catalog.MetricsCatalog;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;
import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.platform.PlatformSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /metrics-catalog/impact?from=&to=}: every service on platform-next's base branch
 * whose entry reads the configured catalog at {@code from} (by that name, or by its commit id),
 * and every one that follows a branch, each merged as it is and as it would be at {@code to},
 * and compared target by target. Bounded work: both refs are resolved and read once (the
 * catalog keeps them in memory), each distinct ref of the estate is resolved once to know
 * whether it is a branch, and each listed service is merged twice, uncached, spread over the
 * cores.
 */
@ApplicationScoped
public class ImpactService {

    private final AssessmentService assessments;
    private final PlatformNextReader platform;
    private final MetricsCatalog catalog;

    ImpactService(AssessmentService assessments, PlatformNextReader platform, MetricsCatalog catalog) {
        this.assessments = assessments;
        this.platform = platform;
        this.catalog = catalog;
    }

    /**
     * @param yaml whether each target carries its unified ConfigMap diff (large over a whole estate)
     * @throws BadRequest {@code catalog.ref.invalid} for a missing or malformed ref
     * @throws NotFound   {@code catalog.ref.not-found} for a ref the catalog does not have
     */
    public Impact impact(String from, String to, boolean yaml) {
        CatalogSnapshot fromSnapshot = at("from", from);
        CatalogSnapshot toSnapshot = at("to", to);
        PlatformSnapshot snapshot = platform.snapshot();
        Map<String, Optional<RefKind>> kinds = new ConcurrentHashMap<>();
        List<Listed> listed = new ArrayList<>();
        for (ObjectNode entry : snapshot.services().entries().values()) {
            JsonNode url = EntryRefs.repository(entry).path("url");
            if (!url.isTextual() || !catalog.isConfiguredCatalog(url.textValue())) {
                continue;
            }
            String ref = EntryRefs.ref(entry);
            boolean pinned = ref != null && (ref.equals(from) || ref.equals(fromSnapshot.commit()));
            boolean followsBranch = ref == null
                    || kinds.computeIfAbsent(ref, this::kind).filter(k -> k == RefKind.BRANCH).isPresent();
            if (pinned || followsBranch) {
                listed.add(new Listed(entry, ref, followsBranch));
            }
        }
        List<Impact.ServiceImpact> services = listed.parallelStream()
                .map(service -> moved(service, to, url(service.entry()), snapshot, yaml))
                .toList();
        return new Impact(ref(from, fromSnapshot), ref(to, toSnapshot), snapshot.commitId(),
                Impact.Summary.of(services), services);
    }

    private record Listed(ObjectNode entry, String ref, boolean followsBranch) {
    }

    private Impact.ServiceImpact moved(Listed service, String to, String url, PlatformSnapshot snapshot, boolean yaml) {
        ObjectNode entry = service.entry();
        String name = entry.path("name").asText();
        Assessment before = assessments.assess(entry, Mode.EXISTING, snapshot);
        Assessment after = assessments.assess(EntryRefs.withRef(entry, to, url), Mode.EXISTING, snapshot);
        List<TargetDiff> targets = MergeDiff.targets(name, before.merge(), after.merge(), yaml);
        Impact.ServiceImpact.Status status = !after.valid() ? Impact.ServiceImpact.Status.INVALID
                : targets.stream().anyMatch(t -> t.status() != TargetDiff.Status.UNCHANGED)
                        ? Impact.ServiceImpact.Status.CHANGED : Impact.ServiceImpact.Status.UNCHANGED;
        return new Impact.ServiceImpact(name, service.ref(), service.followsBranch(), status,
                EntryDiff.Counts.of(targets), targets, after.errors(), after.warnings());
    }

    private static String url(ObjectNode entry) {
        return EntryRefs.repository(entry).path("url").asText();
    }

    /** What a ref of the estate names; empty when the catalog cannot resolve it (its entry is invalid anyway). */
    private Optional<RefKind> kind(String ref) {
        try {
            return Optional.of(catalog.at(ref).kind());
        } catch (BadRequest | NotFound e) {
            return Optional.empty();
        }
    }

    /** The catalog at a query parameter's ref; its problem names the parameter. */
    private CatalogSnapshot at(String parameter, String ref) {
        if (ref == null || ref.isBlank()) {
            throw new BadRequest("catalog.ref.invalid", "the query parameter " + parameter + " is required: a"
                    + " metrics-catalog tag, branch or commit", Map.of("parameter", parameter));
        }
        try {
            return catalog.at(ref);
        } catch (BadRequest e) {
            throw new BadRequest(e.code(), parameter + ": " + e.detail(), Map.of("parameter", parameter));
        } catch (NotFound e) {
            throw new NotFound(e.code(), parameter + ": " + e.detail(), Map.of("parameter", parameter));
        }
    }

    private static Impact.Ref ref(String asked, CatalogSnapshot snapshot) {
        return new Impact.Ref(asked, snapshot.kind().name().toLowerCase(Locale.ROOT), snapshot.commit());
    }
}
