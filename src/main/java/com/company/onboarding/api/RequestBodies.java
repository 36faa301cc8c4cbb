package com.company.onboarding.api;

import com.company.onboarding.error.BadRequest;
import com.company.onboarding.error.UnsupportedMediaType;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.Utf8;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request bodies that carry a service entry, as JSON or YAML, read to a tree with the parsing
 * limits. Anything that cannot be read is a 400 problem naming line and column (and the
 * pointer, for a duplicate key or an alias), never a 500.
 */
public final class RequestBodies {

    public static final String YAML = "application/yaml";
    /**
     * YAML's deprecated aliases (RFC 9512), which clients still send: {@link MediaTypeHeaders} reads
     * each as {@value #YAML}, in {@code Content-Type} and {@code Accept} alike.
     */
    public static final String[] YAML_ALIASES = {"application/x-yaml", "text/yaml", "text/x-yaml"};

    /** Entries are small: a body near these limits is abuse, not an entry. */
    static final ParseLimits LIMITS = new ParseLimits(32, 2 * 1024 * 1024, 64 * 1024, 40);

    private RequestBodies() {
    }

    /**
     * UTF-8 unless the media type names another charset; a client that labels its body
     * ISO-8859-1 (some HTTP libraries do by default) is read as it says, not misread as UTF-8.
     */
    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedMediaType("the body's charset \"" + name.strip() + "\" is not one this service knows;"
                    + " send UTF-8");
        }
    }

    public static boolean isYaml(MediaType type) {
        if (type == null) {
            return false;
        }
        String essence = type.getType() + "/" + type.getSubtype();
        return essence.equalsIgnoreCase(YAML) || java.util.Arrays.stream(YAML_ALIASES).anyMatch(essence::equalsIgnoreCase);
    }

    /** The body {@link BodyLimit} read for this request (none is an empty body), as a tree. */
    public static JsonNode read(RoutingContext context, MediaType type) {
        Buffer body = context.body().buffer();
        return read(body == null ? new byte[0] : body.getBytes(), type);
    }

    public static JsonNode read(byte[] body, MediaType type) {
        Charset charset = charset(type);
        try {
            String text = Utf8.decode(body, charset);
            return isYaml(type) ? YamlTrees.read(text, LIMITS) : JsonTrees.read(text, LIMITS);
        } catch (DocumentException e) {
            Map<String, Object> where = new LinkedHashMap<>();
            if (e.line() > 0) {
                where.put("line", e.line());
                where.put("column", e.column());
            }
            if (e.pointer() != null) {
                where.put("pointer", e.pointer());
            }
            throw new BadRequest("entry.malformed", "the body is not a readable " + (isYaml(type) ? "YAML" : "JSON")
                    + " document: " + e.describe(), where);
        }
    }
}
