package com.company.onboarding.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected shape of a node of a service entry, used to bind leniently: every node of the
 * wrong type is reported with its pointer and left out, and the rest is still checked.
 */
public sealed interface Shape {

    /** What a client is told the node should be, e.g. "a string". */
    String describe();

    record Text() implements Shape {
        public String describe() {
            return "a string";
        }
    }

    record Bool() implements Shape {
        public String describe() {
            return "true or false";
        }
    }

    record Num() implements Shape {
        public String describe() {
            return "a number";
        }
    }

    record ListOf(Shape item) implements Shape {
        public String describe() {
            return "a list";
        }
    }

    /** A map with free keys (environments, channel types), each value of one shape. */
    record MapOf(Shape value) implements Shape {
        public String describe() {
            return "a mapping";
        }
    }

    /**
     * A mapping with known fields, in their canonical order. With {@code open}, other fields are
     * kept (alert rules pass them through to Dynatrace); otherwise they are dropped. Either way an
     * unknown field is a {@code field.unknown} warning.
     */
    record Obj(Map<String, Field> fields, boolean open) implements Shape {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String describe() {
            return "a mapping";
        }
    }

    record Field(String name, Shape shape, boolean required) {
    }

    static Obj obj(boolean open, Field... fields) {
        Map<String, Field> map = new LinkedHashMap<>();
        for (Field field : fields) {
            map.put(field.name(), field);
        }
        return new Obj(map, open);
    }

    static Field required(String name, Shape shape) {
        return new Field(name, shape, true);
    }

    static Field optional(String name, Shape shape) {
        return new Field(name, shape, false);
    }

    static ListOf listOf(Shape item) {
        return new ListOf(item);
    }

    Text TEXT = new Text();
    Bool BOOL = new Bool();
    Num NUM = new Num();
}
