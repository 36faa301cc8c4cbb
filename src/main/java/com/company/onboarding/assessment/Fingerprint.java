package com.company.onboarding.assessment;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names every input of an assessment in one digest: the body as sent, whether it is proposed,
 * the platform-next commit, and the catalog commit (or why there is none). Configuration does
 * not change while the service runs, so equal fingerprints mean equal results.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(JsonNode body, boolean proposed, String platformCommit, CatalogSnapshot catalog,
            List<Finding> catalogFindings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, proposed ? "proposed" : "existing");
            update(digest, platformCommit);
            update(digest, catalog == null ? "no-catalog" : catalog.ref() + "@" + catalog.commit() + (catalog.stale() ? "!stale" : ""));
            catalogFindings.forEach(f -> update(digest, f.code() + " " + f.message()));
            update(digest, body.toString());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
