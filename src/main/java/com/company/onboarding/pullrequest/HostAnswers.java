package com.company.onboarding.pullrequest;

import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Reading a PR host's answers (GitHub's and GitLab's alike): bounded JSON bodies and {@code Retry-After}. */
final class HostAnswers {

    /** A host's answer is data from outside: parsed with limits like any other document. */
    static final ParseLimits LIMITS = new ParseLimits(64, 8 * 1024 * 1024, 1024 * 1024, 100);

    private HostAnswers() {
    }

    /** The body as JSON; one that is not is {@code invalid}'s exception, named by what was wrong. */
    static JsonNode json(HttpResponse<String> response, Function<String, RuntimeException> invalid) {
        try {
            return JsonTrees.read(response.body().getBytes(StandardCharsets.UTF_8), LIMITS);
        } catch (DocumentException e) {
            throw invalid.apply("an answer that is not JSON (" + e.getMessage() + ")");
        }
    }

    /** The body as JSON, or a missing node when it is not: for error answers, whose text is only quoted. */
    static JsonNode jsonQuietly(HttpResponse<String> response) {
        try {
            return JsonTrees.read(response.body().getBytes(StandardCharsets.UTF_8), LIMITS);
        } catch (DocumentException e) {
            return YamlTrees.NODES.missingNode();
        }
    }

    /** {@code Retry-After} in seconds (the form both hosts send); empty when absent or written otherwise. */
    static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
