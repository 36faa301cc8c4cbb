package com.company.onboarding.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.GitHubWithSecrets;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.LogCapture;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Secrets never leave (docs/spec.md#reliability-and-security): after onboarding through the {@code github} provider with
 * its token, pushing to platform-next over smart HTTP with a git token, reading the catalog with
 * a git password and calling with bearer access tokens (including a PR host that times out, and
 * tokens absent, wrong and of the wrong role), none of the secrets, nor their Basic or Bearer
 * forms, is in the log (everything at DEBUG, start-up included), in any problem returned, or in
 * {@code /q/metrics}, {@code /q/health} and {@code /q/openapi}.
 */
@QuarkusTest
@WithTestResource(GitHubWithSecrets.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsTest {

    private static final String PULLS = "/api/v3/repos/company/platform-next/pulls";
    private static final List<String> answers = new ArrayList<>();
    private static LogCapture logs;

    @InjectRepo
    WireMockServer github;
    @InjectRepo
    GitHubWithSecrets.Paths paths;

    @BeforeAll
    static void capture() {
        logs = new LogCapture();
    }

    @AfterAll
    static void release() {
        logs.close();
    }

    private static String onboarding(String name) {
        ObjectNode entry = Entries.paymentProcessor(e -> Entries.set(e, "/name", name));
        return "{\"entry\": " + entry + ", \"requestedBy\": \"carol@company.com\"}";
    }

    private static Response keep(Response response) {
        answers.add(response.getStatusCode() + " " + response.getHeaders() + "\n" + response.asString());
        return response;
    }

    private void githubAnswers(int delayMillis) {
        github.resetAll();
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(201).withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"number\": 42, \"html_url\": \"https://github.com/company/platform-next/pull/42\"}")));
    }

    @Test
    @Order(1)
    void onboardsThroughGitHubWithEveryTokenInUse() throws Exception {
        githubAnswers(0);
        keep(given().auth().oauth2(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json")
                .body(onboarding("payment-processor")).post("/services")).then()
                .statusCode(201)
                .body("provider", equalTo("github"))
                .body("number", equalTo(42));
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + GitHubWithSecrets.PR_TOKEN)));
        try (BareRepo platform = BareRepo.open(paths.platformNext())) {
            assertTrue(platform.head("onboard/payment-processor") != null, "pushed with the git token");
        }
    }

    @Test
    @Order(2)
    void aPullRequestHostTimingOutIsA503AndTheRetryOpensThePullRequestOfThePushedBranch() throws Exception {
        githubAnswers(5_000);
        keep(given().auth().oauth2(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json")
                .body(onboarding("slow-host-service")).post("/services")).then()
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("code", equalTo("pull-request.unavailable"));
        String pushed;
        try (BareRepo platform = BareRepo.open(paths.platformNext())) {
            pushed = platform.head("onboard/slow-host-service");
        }

        githubAnswers(0);
        keep(given().auth().oauth2(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json")
                .body(onboarding("slow-host-service")).post("/services")).then()
                .statusCode(201)
                .body("number", equalTo(42))
                .body("commit", equalTo(pushed));
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    @Order(3)
    void tokensAbsentWrongOrOfTheWrongRoleAreRefused() {
        keep(given().contentType("application/json").body(onboarding("no-token")).post("/services")).then()
                .statusCode(401).body("code", equalTo("access.unauthenticated"));
        keep(given().auth().oauth2(GitHubWithSecrets.PR_TOKEN).contentType("application/json").body(onboarding("wrong-token"))
                .post("/services")).then()
                .statusCode(401).body("code", equalTo("access.unauthenticated"));
        keep(given().auth().oauth2(GitHubWithSecrets.READER_TOKEN).contentType("application/json")
                .body(onboarding("reader-token")).post("/services")).then()
                .statusCode(403).body("code", equalTo("access.forbidden"));
        keep(given().auth().preemptive().basic("x-access-token", GitHubWithSecrets.ONBOARDER_TOKEN).get("/profiles")).then()
                .statusCode(401);
    }

    @Test
    @Order(4)
    void otherProblemsAndTheManagementEndpoints() {
        String reader = GitHubWithSecrets.READER_TOKEN;
        keep(given().auth().oauth2(reader).contentType("application/json").body("{\"name\": ").post("/services/validate"))
                .then().statusCode(400);
        keep(given().auth().oauth2(reader).get("/profiles/no-such-profile")).then().statusCode(404);
        keep(given().auth().oauth2(reader).get("/metrics-catalog/refs/no-such-tag")).then().statusCode(404);
        keep(given().auth().oauth2(reader).get("/metrics-catalog/refs/v1.3.0")).then().statusCode(200);
        keep(given().auth().oauth2(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json")
                .body(onboarding("account-service")).post("/services")).then().statusCode(409);
        keep(given().auth().oauth2(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json")
                .body(onboarding("INVALID_NAME")).post("/services")).then().statusCode(422);
        keep(given().get("/q/health")).then().statusCode(200);
        keep(given().get("/q/health/ready")).then().statusCode(200);
        keep(given().get("/q/metrics")).then().statusCode(200);
        keep(given().get("/q/openapi")).then().statusCode(200);
    }

    @Test
    @Order(100)
    void noSecretAppearsInTheLogTheAnswersOrTheManagementEndpoints() throws Exception {
        String logFile = Files.readString(paths.log(), StandardCharsets.UTF_8);
        assertTrue(logFile.contains("DEBUG"), "the log file holds DEBUG lines, so the search below means something");
        assertTrue(logFile.contains("platform-next"), "the log file holds the service's own lines");
        Map<String, String> places = new LinkedHashMap<>();
        places.put("the log file", logFile);
        places.put("the captured log records", logs.text());
        places.put("the answers", String.join("\n", answers));
        assertEquals(17, answers.size(), "every answer was kept: " + answers.size());
        for (String secret : List.of(GitHubWithSecrets.PR_TOKEN, GitHubWithSecrets.GIT_TOKEN, GitHubWithSecrets.CATALOG_TOKEN,
                GitHubWithSecrets.ONBOARDER_TOKEN, GitHubWithSecrets.READER_TOKEN)) {
            for (String form : forms(secret)) {
                places.forEach((place, text) -> assertFalse(text.contains(form),
                        "a secret (" + secret.substring(0, 8) + "...) is in " + place + " as " + form));
            }
        }
    }

    /** The secret as it is, and as HTTP carries it: Basic for git, Bearer for the APIs. */
    private static List<String> forms(String secret) {
        Base64.Encoder base64 = Base64.getEncoder();
        return List.of(secret,
                base64.encodeToString(("x-access-token:" + secret).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
