package com.company.onboarding.error;

import java.util.Map;

/** Conflict (409). */
public final class Conflict extends ApiException {

    public Conflict(String code, String detail) {
        this(code, detail, Map.of());
    }

    public Conflict(String code, String detail, Map<String, Object> extensions) {
        super(code, detail, extensions, null);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
