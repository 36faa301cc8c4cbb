package com.company.onboarding.catalog;

import com.company.onboarding.catalogdata.CatalogProblem;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;

import com.company.onboarding.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code GET /metrics-catalog/refs/{ref}} answers: where a ref points and what the catalog
 * holds there, with warnings (a stale branch, files that cannot be read).
 */
@Schema(description = "The metrics-catalog at one ref")
public record CatalogSummary(
        @Schema(description = "The ref as asked for", examples = "v1.3.0") String ref,
        @Schema(description = "What the ref names") RefKind kind,
        @Schema(description = "The commit it resolved to (40 hex digits)") String commit,
        @Schema(description = "Catalog profiles (directories under profiles/), sorted") List<String> profiles,
        @Schema(description = "Services with catalog files (directories under services/), sorted") List<String> services,
        @Schema(description = "catalog.stale when the remote was down and a branch was served from its last"
                + " resolution; catalog.file.invalid for each file that cannot be read") List<Finding> warnings) {

    public CatalogSummary {
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }

    public static CatalogSummary of(CatalogSnapshot snapshot) {
        return new CatalogSummary(snapshot.ref(), snapshot.kind(), snapshot.commit(), snapshot.profiles(),
                snapshot.services(), warnings(snapshot));
    }

    /** The snapshot's warnings as findings: whether it is stale, and each unreadable file. */
    public static List<Finding> warnings(CatalogSnapshot snapshot) {
        List<Finding> warnings = new ArrayList<>();
        if (snapshot.stale()) {
            warnings.add(Finding.warning("", "catalog.stale", "the metrics-catalog could not be reached; \""
                    + snapshot.ref() + "\" is served as it was last resolved, at commit " + snapshot.commit()));
        }
        for (CatalogProblem problem : snapshot.problems()) {
            warnings.add(Finding.warning(problem.pointer(), "catalog.file.invalid", problem.message())
                    .withSource(problem.path() + "@" + snapshot.ref()));
        }
        return warnings;
    }
}
