package com.company.onboarding.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/company/platform-next", "http://127.0.0.1:8080/git/x.git",
            "git://git.example.com/x.git", "file:///srv/git/x.git", "/srv/git/x.git"})
    void acceptsGitUrls(String url) {
        assertEquals(url, new GitUrl(url).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh://git@github.com/company/x.git", "git@github.com:company/x.git"})
    void refusesSshUrlsWhichTheServiceCannotUse(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GitUrl(url));
        assertTrue(e.getMessage().contains("SSH git URLs are not supported"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ht!tp://x", "ftp://host/repo", "https://", "https:///repo", "relative/path", "https://host", " "})
    void rejectsMalformedUrls(String url) {
        assertThrows(IllegalArgumentException.class, () -> new GitUrl(url));
    }

    @Test
    void redactsCredentials() {
        GitUrl url = new GitUrl("https://x-access-token:ghp_secret@github.com/company/x.git");
        assertFalse(url.toString().contains("ghp_secret"));
        assertEquals("https://***@github.com/company/x.git", url.redacted());
        assertTrue(new GitUrl("file:///x.git").isLocal());
    }
}
