package com.company.onboarding.pullrequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code PUT /services/{name}}: the pull request (or, on {@code local}, the branch)
 * that replaces the entry; {@code created} answers 201, {@code existing} 200. {@code unchanged}
 * (200) means the entry already is the proposed one: no branch, no pull request, and only
 * {@code status} in the body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UpdateResult")
public record UpdateResult(
        @Schema(description = "The provider that opened it: github or local; absent when unchanged") String provider,
        @Schema(description = "The pull request's number; absent on the local provider", nullable = true) Integer number,
        @Schema(description = "The pull request's web page; absent on the local provider", nullable = true) String url,
        @Schema(description = "The branch on platform-next, e.g. update/account-service") String branch,
        @Schema(description = "The commit the branch points to") String commit,
        @Schema(description = "created: this request opened it (201); existing: an earlier one did (200);"
                + " unchanged: the base branch already has this entry (200, nothing opened)",
                implementation = String.class, type = SchemaType.STRING, enumeration = {"created", "existing", "unchanged"})
        Status status) {

    public enum Status {
        CREATED, EXISTING, UNCHANGED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final UpdateResult UNCHANGED = new UpdateResult(null, null, null, null, null, Status.UNCHANGED);

    /** The HTTP status the API answers with. */
    public int httpStatus() {
        return status == Status.CREATED ? 201 : 200;
    }
}
