package com.company.onboarding.error;

import java.util.Map;

/** Bad request (400). */
public final class BadRequest extends ApiException {

    public BadRequest(String code, String detail) {
        this(code, detail, Map.of());
    }

    public BadRequest(String code, String detail, Map<String, Object> extensions) {
        super(code, detail, extensions, null);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Bad request";
    }
}
