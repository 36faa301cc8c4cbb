package com.company.onboarding.error;

import java.util.Map;

/** Invalid content upstream (502). */
public final class UpstreamInvalid extends ApiException {

    public UpstreamInvalid(String code, String detail) {
        this(code, detail, Map.of());
    }

    public UpstreamInvalid(String code, String detail, Map<String, Object> extensions) {
        super(code, detail, extensions, null);
    }

    @Override
    public int status() {
        return 502;
    }

    @Override
    public String title() {
        return "Invalid content upstream";
    }
}
