package com.company.onboarding.preview;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which targets a preview shows ({@code ?environment=&track=&region=}); none given means all. */
public class TargetFilter {

    @QueryParam("environment")
    @Parameter(description = "Only targets in this environment, e.g. prod")
    public String environment;

    @QueryParam("track")
    @Parameter(description = "Only targets on this track, e.g. stable")
    public String track;

    @QueryParam("region")
    @Parameter(description = "Only targets in this region, e.g. euw1")
    public String region;

    public boolean isEmpty() {
        return environment == null && track == null && region == null;
    }

    @Override
    public String toString() {
        return "environment=" + environment + ", track=" + track + ", region=" + region;
    }
}
