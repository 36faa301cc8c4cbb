package com.company.onboarding.access;

import com.company.onboarding.config.AccessConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured tokens, kept only as SHA-256 digests, compared in constant time. None configured
 * means the service runs open ({@link OpenAccess}).
 */
@Singleton
public final class AccessTokens {

    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;

    @Inject
    public AccessTokens(AccessConfig config) {
        this.entries = config.tokens().entrySet().stream().map(e -> {
            AccessConfig.Token token = e.getValue();
            byte[] digest = token.tokenSha256().map(h -> HexFormat.of().parseHex(h.strip().toLowerCase(Locale.ROOT)))
                    .or(() -> token.token().map(AccessTokens::sha256))
                    .orElseThrow(() -> new IllegalArgumentException("access.tokens." + e.getKey()
                            + " needs token or token-sha256"));
            if (digest.length != 32) {
                throw new IllegalArgumentException("access.tokens." + e.getKey() + ".token-sha256 must be 64 hex digits");
            }
            return new Entry(digest, new Caller(token.subject(), token.roles().isEmpty()
                    ? EnumSet.noneOf(AccessConfig.Role.class) : EnumSet.copyOf(token.roles())));
        }).toList();
    }

    public boolean enabled() {
        return !entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The caller a bearer token belongs to, if any. Every entry is compared, so timing says nothing. */
    public Optional<Caller> caller(String bearer) {
        byte[] digest = sha256(bearer);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
