package com.company.onboarding.pullrequest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.api.Problem;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** POST /services on the embedded default (provider local): the branch in the embedded platform-next. */
@QuarkusTest
class OnboardingResourceTest {

    @Inject
    OnboardingConfig config;

    private static String request(ObjectNode entry) {
        return "{\"entry\": " + entry + ", \"requestedBy\": \"alice@company.com\"}";
    }

    @Test
    void onboardsTheDesignDocumentsEntryOnceAndAnswersTheSameBranchAgain() {
        ObjectNode entry = Entries.paymentProcessor();
        String commit = given().contentType("application/json").body(request(entry)).when().post("/services").then()
                .statusCode(201)
                .body("provider", equalTo("local"))
                .body("status", equalTo("created"))
                .body("branch", equalTo("onboard/payment-processor"))
                .body("url", nullValue())
                .body("commit", matchesPattern("[0-9a-f]{40}"))
                .extract().path("commit");
        given().contentType("application/json").body(request(entry)).when().post("/services").then()
                .statusCode(200)
                .body("status", equalTo("existing"))
                .body("commit", equalTo(commit));

        try (BareRepo platform = BareRepo.open(config.dataDir().resolve("repos/platform-next.git"))) {
            assertEquals(commit, platform.head("onboard/payment-processor"));
            String base = platform.read("main", Fixtures.SERVICES_PATH);
            String onboarded = platform.read("onboard/payment-processor", Fixtures.SERVICES_PATH);
            assertTrue(onboarded.startsWith(base), "every existing byte is kept, the entry is appended");
            assertTrue(onboarded.substring(base.length()).contains("  - name: payment-processor\n"));
        }
    }

    @Test
    void theSameEntryAsYamlIsTheSameRequest() {
        String yaml = "entry:\n" + Entries.paymentProcessorYaml().replace("name: payment-processor", "name: yaml-processor")
                .lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n") + "requestedBy: bob\n";
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).when().post("/services").then()
                .statusCode(201).body("branch", equalTo("onboard/yaml-processor"));
    }

    @Test
    void anExistingServiceIsAConflictAndAnInvalidEntryNeverReachesGit() {
        given().contentType("application/json")
                .body(request(Entries.paymentProcessor(e -> Entries.set(e, "/name", "account-service"))))
                .when().post("/services").then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("service.exists"))
                .body("errors.code", contains("service.exists"))
                .body("errors[0].pointer", equalTo("/name"));
        given().contentType("application/json")
                .body(request(Entries.paymentProcessor(e -> {
                    Entries.set(e, "/name", "never-pushed");
                    Entries.set(e, "/regions/0", "euw9");
                })))
                .when().post("/services").then()
                .statusCode(422)
                .body("errors[0].code", equalTo("region.unknown"))
                .body("errors[0].pointer", equalTo("/regions/0"));
        try (BareRepo platform = BareRepo.open(config.dataDir().resolve("repos/platform-next.git"))) {
            assertEquals(null, platform.head("onboard/never-pushed"));
        }
    }

    /**
     * YAML readers refuse a key longer than 1024 characters as written, so such a key used to pass
     * validation and then fail the services.yaml edit with a 500. Now every endpoint refuses it alike.
     */
    @Test
    void aKeyTooLongForYamlIsRefusedByValidatePreviewAndOnboardAlike() {
        String rule = "/monitoring/overrides/prod/dynatrace/alertRules/0";
        String longKey = "x".repeat(1025);
        ObjectNode entry = Entries.paymentProcessor(e -> {
            Entries.set(e, "/name", "long-key-service");
            ((ObjectNode) e.at(rule)).putObject("notificationChannels").putArray(longKey).add("#team");
        });
        String pointer = rule + "/notificationChannels/" + longKey;
        given().contentType("application/json").body(entry.toString()).when().post("/services/validate").then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.code", contains("field.key.too-long"))
                .body("errors[0].pointer", equalTo(pointer));
        given().contentType("application/json").body(entry.toString()).when().post("/services/preview").then()
                .statusCode(422)
                .body("errors.code", contains("field.key.too-long"));
        given().contentType("application/json").body(request(entry)).when().post("/services").then()
                .statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.code", contains("field.key.too-long"))
                .body("errors[0].pointer", equalTo(pointer));
        try (BareRepo platform = BareRepo.open(config.dataDir().resolve("repos/platform-next.git"))) {
            assertEquals(null, platform.head("onboard/long-key-service"));
        }
    }

    /** The longest key accepted, each character written as the longest escape, still reads back: 201. */
    @Test
    void theLongestAcceptedKeyIsWrittenIntoServicesYaml() {
        String rule = "/monitoring/overrides/prod/dynatrace/alertRules/0";
        String tags = new String(Character.toChars(0xE0041)).repeat(100); // invisible: written as \U000E0041 each
        ObjectNode entry = Entries.paymentProcessor(e -> {
            Entries.set(e, "/name", "longest-key-service");
            ((ObjectNode) e.at(rule)).put(tags, "passed through");
        });
        given().contentType("application/json").body(request(entry).getBytes(StandardCharsets.UTF_8))
                .when().post("/services").then()
                .statusCode(201);
        try (BareRepo platform = BareRepo.open(config.dataDir().resolve("repos/platform-next.git"))) {
            assertTrue(platform.read("onboard/longest-key-service", Fixtures.SERVICES_PATH)
                    .contains("\"" + "\\U000E0041".repeat(100) + "\": passed through"));
        }
    }

    @Test
    void aMalformedRequestNamesItsField() {
        given().contentType("application/json").body("{\"requestedBy\": 5}").when().post("/services").then()
                .statusCode(422)
                .body("errors.pointer", contains("/entry", "/requestedBy"));
    }
}
