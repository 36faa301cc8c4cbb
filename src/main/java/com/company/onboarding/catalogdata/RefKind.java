package com.company.onboarding.catalogdata;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a catalog ref named: a tag (trusted for long), a branch (trusted briefly) or a commit id (forever). */
public enum RefKind {
    TAG, BRANCH, COMMIT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
