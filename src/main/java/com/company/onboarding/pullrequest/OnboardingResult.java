package com.company.onboarding.pullrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code POST /services}: the pull request (or, on {@code local}, the branch)
 * that carries the entry. {@code created} answers 201, {@code existing} 200. The schema
 * annotations shape its part of the published contract once a resource returns it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OnboardingResult(
        @Schema(description = "The provider that opened it: github or local") String provider,
        @Schema(description = "The pull request's number; null on the local provider", nullable = true) Integer number,
        @Schema(description = "The pull request's web page; null on the local provider", nullable = true) String url,
        @Schema(description = "The branch on platform-next, e.g. onboard/payment-processor") String branch,
        @Schema(description = "The commit the branch points to") String commit,
        @Schema(description = "created: this request opened it (201); existing: an earlier one did (200)",
                implementation = String.class, type = SchemaType.STRING, enumeration = {"created", "existing"})
        Status status) {

    public enum Status {
        CREATED, EXISTING;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean created() {
        return status == Status.CREATED;
    }

    /** The HTTP status the API answers with. */
    public int httpStatus() {
        return created() ? 201 : 200;
    }
}
