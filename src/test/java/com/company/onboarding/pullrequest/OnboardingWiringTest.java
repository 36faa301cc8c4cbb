package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.FilePlatformNext;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.SampleEntries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The service as CDI builds it from configuration (provider, settings, its working mirror of
 * the configured platform-next), and its result as the API's JSON writes it: what the
 * {@code POST /services} resource method will call and return.
 */
@QuarkusTest
@WithTestResource(FilePlatformNext.class)
class OnboardingWiringTest {

    @Inject
    OnboardingService onboarding;
    @Inject
    ObjectMapper json;
    @InjectRepo
    BareRepo platformNext;

    @Test
    void onboardsOnTheConfiguredPlatformNextAndAnswersTheResultShape() throws Exception {
        OnboardingResult result = onboarding.onboard(OnboardingRequests.of(SampleEntries.minimal("wiring-api")));

        assertEquals(platformNext.head("onboard/wiring-api"), result.commit());
        assertEquals(201, result.httpStatus());
        assertEquals(json.readTree("""
                {"provider": "local", "number": null, "url": null, "branch": "onboard/wiring-api",
                 "commit": "%s", "status": "created"}""".formatted(result.commit())), json.readTree(json.writeValueAsString(result)));
        assertEquals("existing", json.readTree(json.writeValueAsString(
                onboarding.onboard(OnboardingRequests.of(SampleEntries.minimal("wiring-api"))))).path("status").asText());
        // Other test classes share this repository and change its base: only the insertion is this test's.
        String pushed = platformNext.read("onboard/wiring-api", Fixtures.SERVICES_PATH);
        assertTrue(pushed.endsWith("  - name: wiring-api\n    archetype: api\n    monitoringProfile: domain-api\n"), pushed);
    }
}
