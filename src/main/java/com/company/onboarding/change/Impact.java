package com.company.onboarding.change;

import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /metrics-catalog/impact}: what moving every affected service from one catalog ref
 * to another would do, before anyone announces the new tag.
 *
 * @param baseCommit the platform-next commit the services were read at
 * @param services   in services.yaml order: those pinning {@code from}, and those following a branch
 */
@Schema(name = "CatalogImpact")
public record Impact(
        @Schema(description = "The ref services are moved from, and its commit") Ref from,
        @Schema(description = "The ref services are moved to, and its commit") Ref to,
        @Schema(description = "The platform-next commit services.yaml was read at") String baseCommit,
        Summary summary,
        List<ServiceImpact> services) {

    public Impact {
        services = List.copyOf(services);
    }

    /** A catalog ref as asked for, what it names, and its commit. */
    @Schema(name = "CatalogRef")
    public record Ref(String ref,
            @Schema(implementation = String.class, type = SchemaType.STRING, enumeration = {"tag", "branch", "commit"})
            String kind,
            String commit) {
    }

    /** How many services are affected, and how. */
    @Schema(name = "ImpactSummary")
    public record Summary(int services, int changed, int unchanged, int invalid) {

        static Summary of(List<ServiceImpact> services) {
            int[] counts = new int[ServiceImpact.Status.values().length];
            services.forEach(s -> counts[s.status().ordinal()]++);
            return new Summary(services.size(), counts[ServiceImpact.Status.CHANGED.ordinal()],
                    counts[ServiceImpact.Status.UNCHANGED.ordinal()], counts[ServiceImpact.Status.INVALID.ordinal()]);
        }
    }

    /**
     * One service moved to {@code to}.
     *
     * @param ref           the ref its entry gives now; absent when it gives none (the catalog's default branch)
     * @param followsBranch true when that ref is a branch (or absent): the service is listed whatever {@code from} is
     * @param errors        what would make it invalid at {@code to} (status invalid)
     * @param warnings      the warnings it would get at {@code to}
     */
    @Schema(name = "ServiceImpact")
    public record ServiceImpact(
            String service,
            @Schema(nullable = true) String ref,
            boolean followsBranch,
            @Schema(implementation = String.class, type = SchemaType.STRING,
                    enumeration = {"changed", "unchanged", "invalid"},
                    description = "invalid: the entry would have errors at the new ref (errors says why)")
            Status status,
            @Schema(description = "Targets added, removed, changed and unchanged") EntryDiff.Counts summary,
            List<TargetDiff> targets,
            List<Finding> errors,
            List<Finding> warnings) {

        public ServiceImpact {
            targets = List.copyOf(targets);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public enum Status {
            CHANGED, UNCHANGED, INVALID;

            @JsonValue
            public String json() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
