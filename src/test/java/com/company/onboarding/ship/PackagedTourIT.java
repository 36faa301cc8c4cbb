package com.company.onboarding.ship;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.company.onboarding.testing.FreshDataDirectory;
import com.company.onboarding.validation.Entries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The tour through the packaged application, on its embedded default, as Backstage and the README
 * drive it: profiles, services, validation, previews, the catalog at a tag, a branch and a commit,
 * and an onboarding. Under {@code -Paot} this run is also the training of the JVM's AOT cache
 * (Quarkus records the class loading and method profiles of the application while these requests
 * are served), so every path here is one whose first request in production is warm: add a path
 * here when a new endpoint should start warm. docs/operations.md, "AOT cache".
 */
@QuarkusIntegrationTest
@WithTestResource(FreshDataDirectory.class)
@Tag("aot-training")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedTourIT {

    @Test
    @Order(1)
    void readsProfilesAndServices() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/profiles").then().statusCode(200)
                .body("profiles.name", contains("domain-api", "batch-job-observability", "listener-observability"));
        given().get("/profiles/domain-api").then().statusCode(200).body("name", equalTo("domain-api"));
        given().get("/profiles/nope").then().statusCode(404).contentType("application/problem+json");
        given().get("/services").then().statusCode(200).body("services.name", hasItem("account-service"));
        given().get("/services/account-service").then().statusCode(200).body("monitoringProfile", equalTo("domain-api"));
    }

    @Test
    @Order(2)
    void validatesEntriesAsJsonAndYaml() {
        given().contentType("application/json").body(Entries.paymentProcessor().toString())
                .post("/services/validate").then().statusCode(200).body("valid", equalTo(true));
        given().contentType("application/yaml").body(Entries.paymentProcessorYaml().getBytes(StandardCharsets.UTF_8))
                .post("/services/validate").then().statusCode(200).body("valid", equalTo(true));
        given().contentType("application/json")
                .body(Entries.paymentProcessor(e -> Entries.set(e, "/regions/0", "euw9")).toString())
                .post("/services/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("errors[0].code", equalTo("region.unknown"));
        given().contentType("application/json").body("{\"name\": ").post("/services/validate").then().statusCode(400);
    }

    @Test
    @Order(3)
    void previewsProposedAndExistingEntries() {
        given().contentType("application/json").body(Entries.paymentProcessor().toString())
                .post("/services/preview").then().statusCode(200);
        given().contentType("application/json").accept("application/yaml").body(Entries.paymentProcessor().toString())
                .queryParam("environment", "prod").queryParam("region", "euw1")
                .post("/services/preview").then().statusCode(200).body(startsWith("apiVersion: v1"));
        given().get("/services/account-service/preview").then().statusCode(200);
        given().accept("application/yaml").get("/services/account-service/preview").then().statusCode(200)
                .body(containsString("kind: ConfigMap"));
    }

    @Test
    @Order(4)
    void readsTheCatalogAtATagABranchAndACommit() {
        String commit = given().get("/metrics-catalog/refs/v1.3.0").then().statusCode(200)
                .body("kind", equalTo("tag")).body("commit", matchesPattern("[0-9a-f]{40}"))
                .extract().path("commit");
        given().get("/metrics-catalog/refs/main").then().statusCode(200).body("kind", equalTo("branch"));
        given().get("/metrics-catalog/refs/" + commit).then().statusCode(200).body("commit", equalTo(commit));
        given().get("/metrics-catalog/refs/v9.9.9").then().statusCode(404);
    }

    @Test
    @Order(5)
    void onboardsAnEntryOnceAndAnswersTheSameBranchAgain() {
        String request = "{\"entry\": " + Entries.paymentProcessor() + ", \"requestedBy\": \"alice@company.com\"}";
        given().contentType("application/json").body(request).post("/services").then().statusCode(201)
                .body("branch", equalTo("onboard/payment-processor"));
        given().contentType("application/json").body(request).post("/services").then().statusCode(200)
                .body("status", equalTo("existing"));
    }
}
