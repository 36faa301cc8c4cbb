package com.company.onboarding.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start how the service is protected, and loudly when it is open. */
@ApplicationScoped
public class AccessAnnouncement {

    private static final Logger LOG = Logger.getLogger(AccessAnnouncement.class);

    void announce(@Observes StartupEvent start, AccessTokens tokens) {
        if (tokens.enabled()) {
            LOG.infof("access: %d bearer token(s) configured; reader for reads, validation and previews,"
                    + " onboarder for POST /services", tokens.size());
        } else {
            LOG.warnf("access: OPEN. No access.tokens configured: every caller may read, validate and preview, and"
                    + " operations that need the onboarder role (POST /services) are accepted only from loopback"
                    + " (127.0.0.0/8, ::1; X-Forwarded-For is not trusted). Before exposing the service, %s",
                    OpenAccess.HOW_TO_CONFIGURE_TOKENS);
        }
    }
}
