package com.company.onboarding.validation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed alert condition: the text as written, its syntax tree, and every name it uses, in the
 * order written.
 */
public record Condition(String text, ConditionExpression expression, List<Reference> references) {

    /**
     * One use of a name: a {@code SIGNAL} is read for its value ({@code ErrorRate},
     * {@code payment_success_rate}), a {@code FUNCTION} is called ({@code Anomaly} in
     * {@code Anomaly(ErrorRate)}).
     */
    public record Reference(String name, Kind kind, int column) {

        public enum Kind {
            SIGNAL, FUNCTION
        }

        public Reference {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public Condition {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expression, "expression");
        references = List.copyOf(references);
    }

    /** The signal and metric names read, each once, in the order first written. */
    public Set<String> signals() {
        return names(Reference.Kind.SIGNAL);
    }

    /** The function names called, each once, in the order first written. */
    public Set<String> functions() {
        return names(Reference.Kind.FUNCTION);
    }

    private Set<String> names(Reference.Kind kind) {
        Set<String> names = new LinkedHashSet<>();
        references.stream().filter(reference -> reference.kind() == kind).forEach(reference -> names.add(reference.name()));
        return Collections.unmodifiableSet(names);
    }
}
