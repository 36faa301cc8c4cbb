package com.company.onboarding.validation;

import com.company.onboarding.entry.Target;
import com.company.onboarding.finding.Finding;
import java.util.List;

/**
 * What {@code POST /services/validate} answers, valid or not: every error and warning at once,
 * each with its pointer and stable code, and the targets the entry expands to.
 */
public record ValidationReport(boolean valid, List<Finding> errors, List<Finding> warnings, List<Target> targets) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        targets = List.copyOf(targets);
    }
}
