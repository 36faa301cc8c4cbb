package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The embedded default's profiles, as the design document defines them (section 2). */
@QuarkusTest
class ProfileResourceTest {

    @Test
    void listsTheThreeProfilesWithCountsAndOverrides() {
        given().when().get("/profiles").then()
                .statusCode(200)
                .contentType("application/json")
                .body("commit", matchesPattern("[0-9a-f]{40}"))
                .body("profiles.name", contains("domain-api", "batch-job-observability", "listener-observability"))
                .body("profiles[0].description", equalTo("REST API monitoring with Dynatrace OneAgent"))
                .body("profiles[0].monitoredTechnologies", contains("java", "http", "databases", "kubernetes"))
                .body("profiles[0].counts.alertRules", equalTo(4))
                .body("profiles[0].counts.customMetrics", equalTo(3))
                .body("profiles[0].counts.requestAttributes", equalTo(8))
                .body("profiles[0].sloBaselines.availability.baselineProd", equalTo(99.9f))
                .body("profiles[0].sloBaselines.latency.p95Baseline", equalTo(500))
                .body("profiles[0].environmentsWithOverrides", contains("prod"))
                .body("profiles[1].counts.alertRules", equalTo(1))
                .body("profiles[1].counts.customMetrics", equalTo(1))
                .body("profiles[1].counts.requestAttributes", equalTo(2))
                .body("profiles[1].environmentsWithOverrides", empty())
                .body("profiles[2].monitoredTechnologies", contains("java", "kafka", "kubernetes"))
                .body("profiles[2].counts.customMetrics", equalTo(0));
    }

    @Test
    void returnsOneProfileInFull() {
        given().when().get("/profiles/domain-api").then()
                .statusCode(200)
                .body("name", equalTo("domain-api"))
                .body("dynatrace.enabled", equalTo(true))
                .body("dynatrace.primary", equalTo(true))
                .body("dynatrace.application.requestNaming", equalTo("{RequestPath} [{RequestMethod}]"))
                .body("dynatrace.application.requestAttributes[6].name", equalTo("archetype"))
                .body("dynatrace.application.requestAttributes[6].source.kubernetesLabel", equalTo("archetype"))
                .body("dynatrace.alertRules.name",
                        contains("ErrorRateAnomaly", "HighLatencyAnomaly", "DatabaseSlowQueries", "ServiceCrash"))
                .body("dynatrace.alertRules[3].channels.teams", contains("#team-{SERVICE}", "#platform-sre"))
                .body("dynatrace.alertRules[3].channels.email", contains("owner@company.com"))
                .body("dynatrace.customMetrics[1].unit", equalTo("seconds"))
                .body("slos.errorRate.baselineInt", equalTo(5.0f))
                .body("slos.latency.p99Baseline", equalTo(1000))
                .body("environmentOverrides.prod.slos.availability", equalTo(99.99f))
                .body("environmentOverrides.prod.slos.latency.p95Baseline", equalTo(200))
                .body("environmentOverrides.prod.alertRules", hasSize(1))
                .body("environmentOverrides.prod.alertRules[0].condition", equalTo("ErrorRate > 0.0005"));
    }

    @Test
    void unknownProfileIsA404Problem() {
        given().when().get("/profiles/no-such-profile").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404))
                .body("code", equalTo("profile.not-found"))
                .body("type", equalTo("urn:monitoring-onboarding:problem:profile.not-found"))
                .body("detail", equalTo("no monitoring profile named \"no-such-profile\""));
    }

    @Test
    void embeddedServicesAreListedWithoutTheServiceANewUserOnboards() {
        given().when().get("/services").then()
                .statusCode(200)
                .body("services.name", contains("account-service", "ledger-reconciliation", "notification-listener"))
                .body("services[1].archetype", equalTo("job"))
                .body("services[1].monitoringProfile", equalTo("batch-job-observability"));
        given().when().get("/services/payment-processor").then().statusCode(404)
                .body("code", equalTo("service.not-found"));
    }
}
