package com.company.onboarding.assessment;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Target;
import com.company.onboarding.error.Unprocessable;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.validation.ValidationReport;
import java.util.List;

/**
 * An entry after every check: the findings, its targets, and the merge the checks needed (so a
 * preview or a pull request reuses it instead of merging twice). {@code merge} is null when the
 * entry could not be merged at all (it does not bind, or names no known profile).
 * {@code fingerprint} identifies every input (the body, the platform-next and catalog commits):
 * equal fingerprints, equal results; null for a body that did not bind.
 */
public record Assessment(ServiceEntry entry, List<Finding> findings, List<Target> targets, MergeResult merge,
        String fingerprint) {

    public Assessment {
        findings = List.copyOf(findings);
        targets = List.copyOf(targets);
    }

    public boolean valid() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    public ValidationReport report() {
        return new ValidationReport(valid(), errors(), warnings(), targets);
    }

    /** For preview and onboarding: an invalid entry is a 422 carrying the same findings validate reports. */
    public Assessment requireValid() {
        if (!valid()) {
            List<Finding> errors = errors();
            throw new Unprocessable("entry.invalid", "the entry has " + errors.size() + " error"
                    + (errors.size() == 1 ? "" : "s") + "; see errors", errors);
        }
        return this;
    }
}
