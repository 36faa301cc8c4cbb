package com.company.onboarding.error;

import java.util.Map;

/**
 * Every failure a client should see, as a problem (RFC 9457). Services throw these; the one
 * mapper in {@code api} turns them into {@code application/problem+json}. The {@code code}
 * is stable API (docs/spec.md#errors): clients switch on it.
 */
public abstract sealed class ApiException extends RuntimeException
        permits BadRequest, NotFound, Conflict, Unprocessable, Unavailable, UpstreamInvalid, UnsupportedMediaType {

    private final String code;
    private final transient Map<String, Object> extensions;

    protected ApiException(String code, String detail, Map<String, Object> extensions, Throwable cause) {
        super(detail, cause, false, false);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public abstract int status();

    public abstract String title();

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem document, e.g. the pull request a conflict names. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
