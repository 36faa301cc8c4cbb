package com.company.onboarding.access;

import com.company.onboarding.config.AccessConfig.Role;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.EnumSet;
import java.util.Set;

/** Who made a request, as its token says; {@link #ANONYMOUS} when the service runs open. */
public record Caller(String subject, Set<Role> roles) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(Role.reader, Role.onboarder));

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** An onboarder may also read: the scaffolder validates and previews before it onboards. */
    public boolean may(Role role) {
        return roles.contains(role) || (role == Role.reader && roles.contains(Role.onboarder));
    }

    /** The caller a security identity stands for (its principal is the token's subject). */
    public static Caller of(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return new Caller(identity.getPrincipal().getName(), roles);
    }

    /** The identity Quarkus security checks {@code @RolesAllowed} against: every role the caller may act in. */
    SecurityIdentity identity() {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(subject));
        for (Role role : Role.values()) {
            if (may(role)) {
                identity.addRole(role.name());
            }
        }
        return identity.build();
    }
}
