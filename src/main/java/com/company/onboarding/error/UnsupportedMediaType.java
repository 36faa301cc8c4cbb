package com.company.onboarding.error;

import java.util.Map;

/** A body in a form the service does not read (415), e.g. a charset other than UTF-8. */
public final class UnsupportedMediaType extends ApiException {

    public UnsupportedMediaType(String detail) {
        super("request.unsupported-media-type", detail, Map.of(), null);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String title() {
        return "Unsupported media type";
    }
}
