package com.company.onboarding.access;

import com.company.onboarding.config.AccessConfig.Role;
import java.util.Set;

/** Who made a request, as its token says; {@link #ANONYMOUS} when the service runs open. */
public record Caller(String subject, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(Role.reader, Role.onboarder));

    /** Key under which the caller is kept in the request's routing context. */
    public static final String CONTEXT_KEY = "onboarding.caller";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** An onboarder may also read: the scaffolder validates and previews before it onboards. */
    public boolean may(Role role) {
        return roles.contains(role) || (role == Role.reader && roles.contains(Role.onboarder));
    }
}
