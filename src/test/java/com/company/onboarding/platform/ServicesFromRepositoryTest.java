package com.company.onboarding.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.FilePlatformNext;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services and profiles come from whatever platform-next is configured, here one the test built. */
@QuarkusTest
@WithTestResource(FilePlatformNext.class)
class ServicesFromRepositoryTest {

    @InjectRepo
    BareRepo platformNext;

    @Inject
    MeterRegistry meters;
    @Inject
    MovableClock clock;

    @Test
    void listsTheServicesOfTheConfiguredRepository() {
        given().when().get("/services").then()
                .statusCode(200)
                .body("services.name", contains("alpha-api", "beta-job"))
                .body("services[0].monitoringProfile", equalTo("web-api"));
        given().when().get("/services/beta-job").then()
                .statusCode(200)
                .body("regions", contains("euw2"))
                .body("cost.costOwner", equalTo("beta@company.com"));
        given().when().get("/profiles").then()
                .statusCode(200)
                .body("profiles.name", contains("web-api", "quiet-job"))
                .body("profiles[1].dynatraceEnabled", equalTo(false))
                .body("profiles[0].environmentsWithOverrides", contains("pre", "prod"));
    }

    @Test
    void aPushedCommitIsServedAfterTheRefreshIntervalAndNotFetchedPerRequest() throws Exception {
        given().when().get("/services").then().statusCode(200);
        double fetchesBefore = fetches();
        String services = Fixtures.text("platform-next/services.yaml")
                + "\n  - name: gamma-api\n    archetype: api\n    monitoringProfile: web-api\n";
        platformNext.commit("main", "add gamma", Map.of(Fixtures.SERVICES_PATH, services));

        // Within the 5 s refresh interval the last read is served from memory.
        for (int i = 0; i < 20; i++) {
            given().when().get("/services").then().statusCode(200)
                    .body("services.name", contains("alpha-api", "beta-job"));
        }
        assertEquals(fetchesBefore, fetches(), "requests within the refresh interval must not fetch");

        clock.advance(Duration.ofMillis(5_200));
        given().when().get("/services").then().statusCode(200)
                .body("services.name", contains("alpha-api", "beta-job", "gamma-api"))
                .body("commit", equalTo(platformNext.head("main")));
        for (int i = 0; i < 20; i++) {
            given().when().get("/services/gamma-api").then().statusCode(200);
        }
        assertEquals(fetchesBefore + 1, fetches(), "one new commit costs one fetch");
        assertTrue(meters.get("onboarding.git.ls-remote").tag("repository", "platform-next").counter().count() >= 2);
    }

    private double fetches() {
        return meters.get("onboarding.git.fetches").tag("repository", "platform-next").counter().count();
    }
}
