package com.company.onboarding.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one run did, or with {@code --check} would do: the report printed on stdout, as lines or
 * as this record in JSON. Paths are as the user named the output directory, so they can be passed
 * to {@code git add} as they are.
 *
 * @param status    {@code generated}, {@code up-to-date}, {@code out-of-date} (check only),
 *                  {@code invalid} (an entry or a platform-next file) or {@code failed}
 * @param exitCode  the process' exit code (docs/generate.md)
 * @param services  entries generated (valid ones)
 * @param targets   targets written or checked
 * @param findings  every error and warning, per service
 * @param failure   why the run stopped (exit 3, or 2 for a platform-next file that does not parse); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "exitCode", "check", "out", "services", "targets", "files", "findings", "failure", "timings"})
public record GenerateReport(String status, int exitCode, boolean check, String out, int services, int targets,
        Files files, List<Problem> findings, Failure failure, Timings timings) {

    public GenerateReport {
        findings = List.copyOf(findings);
    }

    /**
     * Files by what happened to them (or would, with {@code --check}); {@code unchanged} is a count,
     * since on a large estate it is nearly every file.
     */
    public record Files(List<String> added, List<String> changed, List<String> removed, long unchanged) {
        public Files {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
        }

        public int differences() {
            return added.size() + changed.size() + removed.size();
        }
    }

    /** A finding of one entry ({@code severity} {@code error} or {@code warning}); {@code source} names a catalog file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String service, String pointer, String code, String message, String severity, String source) {
    }

    /** Why the run stopped: a stable code and a sentence. */
    public record Failure(String code, String message) {
    }

    /** Milliseconds: reading platform-next, resolving and fetching catalogs, generating, removing, in all, and since the JVM started. */
    public record Timings(long readMs, long catalogsMs, long generateMs, long cleanupMs, long totalMs, long sinceJvmStartMs) {
    }
}
