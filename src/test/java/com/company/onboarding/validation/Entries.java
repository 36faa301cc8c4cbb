package com.company.onboarding.validation;

import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.testing.Fixtures;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The design document's payment-processor entry (section 3.1), and edits of it for tests. */
public final class Entries {

    private Entries() {
    }

    /** The entry as YAML text, exactly as the design document writes it. */
    public static String paymentProcessorYaml() {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("merge/payment-processor.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode paymentProcessor() {
        try {
            return (ObjectNode) YamlTrees.read(paymentProcessorYaml(), ParseLimits.DEFAULT);
        } catch (com.company.onboarding.parsing.DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry with one edit applied. */
    public static ObjectNode paymentProcessor(Consumer<ObjectNode> edit) {
        ObjectNode entry = paymentProcessor();
        edit.accept(entry);
        return entry;
    }

    /** Sets (or adds) the value at a JSON pointer; parents must exist. A YAML snippet gives the value. */
    public static void set(ObjectNode root, String pointer, String yamlValue) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        JsonNode value = yaml(yamlValue);
        if (parent instanceof ArrayNode array) {
            String last = at.last().getMatchingProperty();
            if (last.equals("-")) {
                array.add(value);
            } else {
                int index = Integer.parseInt(last);
                if (index == array.size()) {
                    array.add(value);
                } else {
                    array.set(index, value);
                }
            }
        } else {
            ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
        }
    }

    public static void remove(ObjectNode root, String pointer) {
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = root.at(at.head());
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(at.last().getMatchingProperty()));
        } else {
            ((ObjectNode) parent).remove(at.last().getMatchingProperty());
        }
    }

    static JsonNode yaml(String text) {
        try {
            return YamlTrees.read("v: " + text, ParseLimits.DEFAULT).get("v");
        } catch (com.company.onboarding.parsing.DocumentException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
