package com.company.onboarding.error;

import java.util.List;
import java.util.Map;

/** The request is well-formed but its content is invalid (422); {@code errors} lists every finding. */
public final class Unprocessable extends ApiException {

    private final transient List<?> errors;

    public Unprocessable(String code, String detail, List<?> errors) {
        super(code, detail, Map.of(), null);
        this.errors = List.copyOf(errors);
    }

    /** The findings, serialised as they are (each has pointer, code, message). */
    public List<?> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Invalid service entry";
    }
}
