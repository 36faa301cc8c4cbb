package com.company.onboarding.access;

import io.quarkus.security.ForbiddenException;

/** A valid token without the role a request needs, when the need is known where the refusal is made. */
public final class MissingRole extends ForbiddenException {

    private final String role;

    public MissingRole(String role) {
        super("the token lacks the " + role + " role");
        this.role = role;
    }

    public String role() {
        return role;
    }
}
