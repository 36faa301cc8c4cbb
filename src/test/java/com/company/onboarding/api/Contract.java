package com.company.onboarding.api;

import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The published contract, {@code openapi/openapi.yaml} (equal to what {@code /q/openapi} serves,
 * see {@link OpenApiContractTest}), read for tests that check answers against it.
 */
final class Contract {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** One operation: its method, its path template and the concrete path tests send. */
    record Operation(String method, String template, JsonNode node) {

        /** The path with sample values for its parameters: a name, a ref. */
        String samplePath() {
            return template.replace("{ref}", "v1.2.0").replaceAll("\\{[^}]+}", "payment-processor");
        }

        /** Whether the operation declares {@code status}, and the media types it declares for it. */
        JsonNode response(int status) {
            return node.path("responses").path(String.valueOf(status));
        }

        boolean hasBody() {
            return node.has("requestBody");
        }

        Set<String> bodyTypes() {
            Set<String> types = new TreeSet<>();
            node.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private final JsonNode document;

    private Contract(JsonNode document) {
        this.document = document;
    }

    static Contract published() {
        try {
            String text = Files.readString(Path.of("openapi", "openapi.yaml"), StandardCharsets.UTF_8);
            return new Contract(YamlTrees.read(text, ParseLimits.DEFAULT));
        } catch (Exception e) {
            throw new IllegalStateException("openapi/openapi.yaml cannot be read", e);
        }
    }

    JsonNode document() {
        return document;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (METHODS.contains(method)) {
                operations.add(new Operation(method, path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    /**
     * The methods a concrete path takes by the contract: those of every path template it matches
     * ({@code /services/validate} is also {@code /services/{name}}), plus HEAD for GET and OPTIONS.
     */
    Set<String> allowed(String concretePath) {
        Set<String> methods = new TreeSet<>();
        for (Operation operation : operations()) {
            String regex = Pattern.quote(operation.template()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (operation.template().equals("/metrics-catalog/refs/{ref}")) {
                regex = Pattern.quote("/metrics-catalog/refs/") + ".+";
            }
            if (concretePath.matches(regex)) {
                methods.add(operation.method());
                if (operation.method().equals("GET")) {
                    methods.add("HEAD");
                }
                methods.add("OPTIONS");
            }
        }
        return methods;
    }

    /** The schema {@code ref} points to, e.g. {@code #/components/schemas/Problem}. */
    JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /**
     * What in {@code value} does not fit {@code schema}, or an empty list: {@code $ref}, {@code type},
     * {@code required}, {@code properties}, {@code items} and {@code enum} are checked, which is
     * all this contract uses to say what a client may rely on.
     */
    List<String> violations(JsonNode schema, JsonNode value, String pointer) {
        List<String> found = new ArrayList<>();
        check(schema, value, pointer, found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String pointer, List<String> found) {
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, pointer, found);
            return;
        }
        String type = schema.path("type").asText("");
        boolean fits = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!fits) {
            found.add(pointer + ": not " + type + ": " + value);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asText().equals(value.asText());
            }
            if (!listed) {
                found.add(pointer + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    found.add(pointer + ": misses " + name.asText());
                }
            });
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    check(property.getValue(), value.get(property.getKey()), pointer + "/" + property.getKey(), found);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), pointer + "/" + i, found);
            }
        }
    }
}
