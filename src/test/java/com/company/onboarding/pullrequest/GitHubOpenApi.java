package com.company.onboarding.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * GitHub's own OpenAPI description of the pulls endpoints (the vendored subset in
 * {@code src/test/resources/github-openapi/}, see its README), and a small checker of JSON
 * values against its schemas: {@code $ref}, {@code type}, {@code nullable}, {@code required},
 * {@code properties}, {@code items}, {@code enum}, {@code allOf}, {@code anyOf}/{@code oneOf}
 * (one variant must fit). Enough to catch a stub or a request that GitHub would not send or accept.
 */
final class GitHubOpenApi {

    static final String PULLS = "/repos/{owner}/{repo}/pulls";

    private final JsonNode spec;

    private GitHubOpenApi(JsonNode spec) {
        this.spec = spec;
    }

    static GitHubOpenApi load() {
        try (InputStream in = GitHubOpenApi.class.getClassLoader().getResourceAsStream("github-openapi/pulls.json")) {
            return new GitHubOpenApi(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of one of the description's examples ({@code components.examples.<name>.value}). */
    JsonNode example(String name) {
        return spec.path("components").path("examples").path(name).path("value").deepCopy();
    }

    /** Problems of a request body, empty when it fits the operation's request schema. */
    List<String> checkRequestBody(String method, JsonNode body) {
        JsonNode schema = operation(method).path("requestBody").path("content").path("application/json").path("schema");
        return check(schema, body);
    }

    /** Problems of a response body for {@code status}; the status itself must be documented. */
    List<String> checkResponse(String method, int status, JsonNode body) {
        JsonNode response = resolve(operation(method).path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            return List.of(method + " " + PULLS + " documents no " + status + " response");
        }
        return check(response.path("content").path("application/json").path("schema"), body);
    }

    /** Problems of a query: every parameter documented as a query parameter, enum values respected. */
    List<String> checkQuery(String method, Map<String, String> query) {
        List<String> problems = new ArrayList<>();
        query.forEach((name, value) -> {
            JsonNode parameter = null;
            for (JsonNode candidate : operation(method).path("parameters")) {
                JsonNode resolved = resolve(candidate);
                if (resolved.path("in").asText().equals("query") && resolved.path("name").asText().equals(name)) {
                    parameter = resolved;
                }
            }
            if (parameter == null) {
                problems.add("undocumented query parameter " + name);
            } else {
                check(parameter.path("schema"), com.company.onboarding.parsing.YamlTrees.NODES.textNode(value),
                        "?" + name, problems);
            }
        });
        return problems;
    }

    /** Problems of an error body GitHub sends with an undocumented status (a 429, a 403 on a list). */
    List<String> checkError(JsonNode body) {
        return check(spec.path("components").path("schemas").path("basic-error"), body);
    }

    List<String> check(JsonNode schema, JsonNode value) {
        if (schema.isMissingNode()) {
            return List.of("no schema");
        }
        List<String> problems = new ArrayList<>();
        check(schema, value, "", problems);
        return problems;
    }

    private JsonNode operation(String method) {
        JsonNode operation = spec.path("paths").path(PULLS).path(method.toLowerCase(java.util.Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new IllegalArgumentException("no " + method + " " + PULLS + " in the description");
        }
        return operation;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = spec;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolved " + node.get("$ref").asText());
            }
            node = target;
        }
        return node;
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String pointer, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isMissingNode()) {
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false) && schema.has("type")) {
                problems.add(pointer + ": null, not " + schema.get("type").asText());
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, pointer, problems);
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                boolean fits = false;
                for (JsonNode variant : schema.get(choice)) {
                    List<String> attempt = new ArrayList<>();
                    check(variant, value, pointer, attempt);
                    fits |= attempt.isEmpty();
                }
                if (!fits) {
                    problems.add(pointer + ": fits no variant of " + choice);
                }
            }
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            problems.add(pointer + ": " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not "
                    + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                problems.add(pointer + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(pointer + ": required property " + required.asText() + " is missing");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                check(property.getValue(), value.get(property.getKey()), pointer + "/" + property.getKey(), problems);
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), pointer + "/" + i, problems);
            }
        }
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
