package com.company.onboarding.error;

import java.util.Map;

/** Not found (404). */
public final class NotFound extends ApiException {

    public NotFound(String code, String detail) {
        this(code, detail, Map.of());
    }

    public NotFound(String code, String detail, Map<String, Object> extensions) {
        super(code, detail, extensions, null);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
