package com.company.onboarding.assessment;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.finding.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
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

    /** Writes the body's JSON straight into the digest: no string of it is built (it ran on every preview). */
    private static final ObjectWriter JSON = new ObjectMapper().writer();
    /** Cloned per use: {@code MessageDigest.getInstance} looks the provider up every time. */
    private static final MessageDigest SHA_256 = sha256();

    private Fingerprint() {
    }

    /**
     * The fingerprint of a body already digested ({@link #body}), so an entry read again from one
     * commit is digested once.
     */
    static String of(byte[] bodyDigest, boolean proposed, String platformCommit, CatalogSnapshot catalog,
            List<Finding> catalogFindings) {
        MessageDigest digest = copy();
        update(digest, proposed ? "proposed" : "existing");
        update(digest, platformCommit);
        update(digest, catalog == null ? "no-catalog" : catalog.ref() + "@" + catalog.commit() + (catalog.stale() ? "!stale" : ""));
        catalogFindings.forEach(f -> update(digest, f.code() + " " + f.message()));
        digest.update(bodyDigest);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of the body's JSON. */
    static byte[] body(JsonNode body) {
        MessageDigest digest = copy();
        try {
            JSON.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a stream that discards its bytes does not fail
        }
        return digest.digest();
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
