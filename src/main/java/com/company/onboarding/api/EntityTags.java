package com.company.onboarding.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Conditional GETs (RFC 9110, sections 8.8.3 and 13.1.2): a strong {@code ETag} named from what
 * an answer is computed from (the platform-next and catalog commits, the entry, the representation
 * asked for) rather than from its bytes, so a client's {@code If-None-Match} is checked before the
 * answer is computed, and a match is a {@code 304} without a body: a polling Backstage tab costs a
 * commit lookup and a header compare, not a merge. docs/caching.md has the rules per endpoint.
 *
 * <p>A tag also names this deployment (the service's code and the configuration that shapes its
 * answers), so a new release or a new region list never answers 304 for a client's old copy.
 */
@ApplicationScoped
public class EntityTags {

    /** Answers read from a branch, which moves: a client may keep them, and revalidates every use. */
    public static final String REVALIDATE = "no-cache";
    /** Answers read from a commit id, which never changes. */
    public static final String IMMUTABLE = "max-age=31536000, immutable";

    private static final Pattern TAG = Pattern.compile("(?:W/)?(\"[\\x21\\x23-\\x7e\\x80-\\xff]*\")[ \\t]*(?:,|$)");
    /** Configuration that shapes answers; the rest (data directory, tokens, timeouts) does not. */
    private static final List<String> SHAPING = List.of("onboarding.", "platform-next.", "metrics-catalog.");
    private static final List<String> NOT_SHAPING = List.of("onboarding.data-dir");

    private final String deployment;

    @Inject
    EntityTags(Config config) {
        this.deployment = deployment(config);
    }

    /** The strong tag naming an answer computed from {@code parts} (inputs and representation). */
    public String of(String... parts) {
        MessageDigest digest = sha256();
        update(digest, deployment);
        for (String part : parts) {
            update(digest, part);
        }
        return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
    }

    /**
     * A GET answered conditionally. {@code tag} is the tag of what {@code answer} would produce
     * now (it must be cheap: commits from memory); a client holding it gets a 304 and
     * {@code answer} is not called. Otherwise the answer goes out with the tag, unless the inputs
     * moved while it was computed (the tag is read again after): then without one, so a tag never
     * names another answer than the one it came with.
     *
     * @param vary the request header the representation depends on, or null
     */
    public Response conditional(HttpHeaders headers, Supplier<String> tag, String cacheControl, String vary,
            Supplier<Response> answer) {
        List<String> ifNoneMatch = headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        String before = tag.get();
        if (before == null) {
            return answer.get(); // nothing to name it by: no entry, or one that does not bind
        }
        Condition condition = Condition.of(ifNoneMatch, before);
        if (condition == Condition.MATCH) {
            return notModified(before, cacheControl, vary);
        }
        Response response = answer.get();
        if (response.getStatus() != 200) {
            return response;
        }
        // "*" matches any current representation, which the answer has just shown there is.
        if (condition == Condition.ANY) {
            return notModified(before, cacheControl, vary);
        }
        Response.ResponseBuilder built = Response.fromResponse(response).header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (vary != null) {
            built.header(HttpHeaders.VARY, vary);
        }
        if (before.equals(tag.get())) {
            built.header(HttpHeaders.ETAG, before);
        }
        return built.build();
    }

    private static Response notModified(String tag, String cacheControl, String vary) {
        Response.ResponseBuilder built = Response.notModified().header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (vary != null) {
            built.header(HttpHeaders.VARY, vary);
        }
        return built.build();
    }

    /** What {@code If-None-Match} says about a current tag: weak comparison, as RFC 9110 wants for it. */
    enum Condition {
        /** No header, a header naming other tags, or one that cannot be read (then it is ignored). */
        NONE,
        /** One of the listed tags has the current tag's opaque value, with or without {@code W/}. */
        MATCH,
        /** {@code *}: any current representation matches. */
        ANY;

        static Condition of(List<String> fields, String current) {
            if (fields == null || fields.isEmpty()) {
                return NONE;
            }
            List<String> tags = new ArrayList<>();
            for (String field : fields) {
                if (field.strip().equals("*")) {
                    return ANY;
                }
                if (!parse(field, tags)) {
                    return NONE;
                }
            }
            return tags.contains(current) ? MATCH : NONE;
        }

        /** The opaque tags of one field value ({@code #entity-tag}); false when it is malformed. */
        private static boolean parse(String field, List<String> into) {
            Matcher m = TAG.matcher(field);
            int at = 0;
            while (true) {
                while (at < field.length() && (field.charAt(at) == ' ' || field.charAt(at) == '\t' || field.charAt(at) == ',')) {
                    at++; // empty list elements are allowed
                }
                if (at >= field.length()) {
                    return true;
                }
                m.region(at, field.length());
                if (!m.lookingAt()) {
                    return false;
                }
                into.add(m.group(1));
                at = m.end();
            }
        }
    }

    private static String deployment(Config config) {
        MessageDigest digest = sha256();
        update(digest, config.getOptionalValue("quarkus.application.version", String.class).orElse(""));
        update(digest, codeDigest());
        TreeMap<String, String> shaping = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
            boolean shapes = SHAPING.stream().anyMatch(p -> dotted.startsWith(p) || dotted.startsWith(p.replace('-', '.')))
                    && NOT_SHAPING.stream().noneMatch(p -> dotted.equals(p) || dotted.equals(p.replace('-', '.')));
            if (shapes) {
                config.getOptionalValue(name, String.class).ifPresent(value -> shaping.put(name, value));
            }
        }
        shaping.forEach((name, value) -> update(digest, name + "=" + value));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest of the jar holding the service's classes; its version says too little for a snapshot build. */
    private static String codeDigest() {
        try {
            Path code = Path.of(EntityTags.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(code)) {
                return "classes"; // tests and dev mode: a directory of classes, rebuilt with every run
            }
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(code), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, so no two lists of parts digest alike; null (a parameter not given) is its own value. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        digest.update(((part == null ? -1 : bytes.length) + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
