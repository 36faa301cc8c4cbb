package com.company.onboarding.git;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.0", "main", "feature/new-metrics", "release/2025-11/rc_1", "a", "0a1b",
            "0123456789abcdef0123456789ABCDEF01234567"})
    void acceptsTagsBranchesAndCommitIds(String ref) {
        assertTrue(RefNames.isValid(ref), ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-upload-pack=x", "--all", ".hidden", "_x", "/x", "v1..v2", "a//b", "feature/", "x.lock",
            "feature/x.lock/y", "feature/.x", "tag.", "with space", "tab\there", "new\nline", "nul\0", "del\u007f",
            "x~1", "x^", "x:y", "x?", "x*", "x[", "x\\y", "x@{1}", "é"})
    void refusesWhatGitWouldMisreadOrRefuse(String ref) {
        assertFalse(RefNames.isValid(ref), ref);
    }

    @Test
    void boundsTheLength() {
        assertTrue(RefNames.isValid("a".repeat(200)));
        assertFalse(RefNames.isValid("a".repeat(201)));
        assertFalse(RefNames.isValid(null));
    }

    @Test
    void aCommitIdIsFortyHexDigits() {
        assertTrue(RefNames.isCommitId("0123456789abcdef0123456789abcdef01234567"));
        assertFalse(RefNames.isCommitId("0123456789abcdef0123456789abcdef0123456"));
        assertFalse(RefNames.isCommitId("0123456789abcdef0123456789abcdef0123456g"));
    }

    @Test
    void theReasonNeverRepeatsTheRef() {
        String ref = "-evil\n";
        assertFalse(RefNames.problem(ref).orElseThrow().contains("evil"));
    }
}
