package com.company.onboarding.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Keeps the {@code uri} tag of the HTTP server metrics to the resources' path templates. Quarkus
 * tags a request that matched no resource method with its raw path unless it was a 404
 * ({@code NOT_FOUND}): an {@code OPTIONS} of any path, a 405, a 413 or 401 answered before the
 * REST layer. A client sending a hundred such paths would fill Micrometer's limit on distinct
 * {@code uri} values ({@code quarkus.micrometer.binder.http-server.max-uri-tags}), after which
 * new meters of real requests are dropped, a first 503 of {@code /profiles} among them, and
 * alerts on them see nothing. Here every value that is not a template (or one of Quarkus's own
 * constants) becomes {@value #UNMATCHED}.
 */
@Singleton
public class BoundedUriTags {

    /** The one {@code uri} value of every request that matched no resource. */
    public static final String UNMATCHED = "UNMATCHED";
    private static final Set<String> QUARKUS_CONSTANTS = Set.of("NOT_FOUND", "REDIRECTION", "root", "UNKNOWN");

    @Produces
    @Singleton
    MeterFilter boundedUriTags(ResourcePaths paths) {
        // The templates are read when the first request's meters are, not while the service starts.
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || !id.getName().startsWith("http.server.") || paths.templates().contains(uri)
                        || QUARKUS_CONSTANTS.contains(uri)) {
                    return id;
                }
                return id.replaceTags(Tags.of(id.getTagsAsIterable()).and("uri", UNMATCHED));
            }
        };
    }
}
