package com.company.onboarding.access;

/**
 * The roles a token may hold, as {@code @RolesAllowed} names them (the names of
 * {@link com.company.onboarding.config.AccessConfig.Role}). An onboarder is also a reader.
 */
public final class Roles {

    /** Reads, validations and previews. */
    public static final String READER = "reader";
    /** Also whatever changes platform-next: {@code POST /services}. */
    public static final String ONBOARDER = "onboarder";

    private Roles() {
    }
}
