package com.company.onboarding.merge;

import com.company.onboarding.finding.Finding;

/**
 * A place in one source: the source and a JSON pointer into its document (the entry for inline
 * metrics and entry overrides, the profiles file for profiles, a catalog file's metrics JSON).
 */
record Located(Source source, String pointer) {

    Located child(String segment) {
        return new Located(source, pointer + "/" + segment);
    }

    /** Places a finding here: a pointer into the entry, or a pointer into the file named by {@code source}. */
    Finding place(Finding finding) {
        Finding placed = new Finding(pointer, finding.code(), finding.message(), finding.severity(), null,
                finding.suggestion());
        return source.isEntry() ? placed : placed.withSource(source.document());
    }
}
