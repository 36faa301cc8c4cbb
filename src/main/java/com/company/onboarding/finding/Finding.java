package com.company.onboarding.finding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem of a service entry (docs/spec.md#validation): where it is, a stable code clients switch on,
 * a message a person reads, and whether it blocks. {@code source} names the catalog file and ref
 * when the problem is inside one (then {@code pointer} points into that file's JSON);
 * {@code suggestion} is a likely intended value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String pointer, String code, String message, Severity severity, String source, String suggestion) {

    public enum Severity {
        ERROR, WARNING;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public static Finding error(String pointer, String code, String message) {
        return new Finding(pointer, code, message, Severity.ERROR, null, null);
    }

    public static Finding warning(String pointer, String code, String message) {
        return new Finding(pointer, code, message, Severity.WARNING, null, null);
    }

    public Finding withSource(String source) {
        return new Finding(pointer, code, message, severity, source, suggestion);
    }

    public Finding withSuggestion(String suggestion) {
        return new Finding(pointer, code, message, severity, source, suggestion);
    }

    @JsonIgnore // derived from severity, not a member of the document
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
