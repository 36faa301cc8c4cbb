package com.company.onboarding.api;

import com.company.onboarding.error.BadRequest;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request bodies that carry a service entry, as JSON or YAML, read to a tree with the parsing
 * limits. Anything that cannot be read is a 400 problem naming line and column (and the
 * pointer, for a duplicate key or an alias), never a 500.
 */
public final class RequestBodies {

    public static final String YAML = "application/yaml";
    /** Other spellings of YAML that clients send. */
    public static final String[] YAML_ALIASES = {"application/x-yaml", "text/yaml", "text/x-yaml"};

    /** Entries are small: a body near these limits is abuse, not an entry. */
    static final ParseLimits LIMITS = new ParseLimits(32, 2 * 1024 * 1024, 64 * 1024, 40);

    private RequestBodies() {
    }

    public static boolean isYaml(MediaType type) {
        if (type == null) {
            return false;
        }
        String essence = type.getType() + "/" + type.getSubtype();
        return essence.equalsIgnoreCase(YAML) || java.util.Arrays.stream(YAML_ALIASES).anyMatch(essence::equalsIgnoreCase);
    }

    public static JsonNode read(byte[] body, MediaType type) {
        try {
            return isYaml(type) ? YamlTrees.read(body, LIMITS) : JsonTrees.read(body, LIMITS);
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
