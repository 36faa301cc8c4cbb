package com.company.onboarding.error;

import java.time.Duration;
import java.util.Map;

/** A git remote or the PR host is unreachable or too slow (503); a later retry can succeed. */
public final class Unavailable extends ApiException {

    private final Duration retryAfter;

    public Unavailable(String code, String detail, Duration retryAfter, Throwable cause) {
        super(code, detail, Map.of(), cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
