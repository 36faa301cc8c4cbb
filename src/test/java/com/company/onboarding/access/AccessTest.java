package com.company.onboarding.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bearer tokens with roles, configured like Backstage's static external-access tokens. */
@QuarkusTest
@TestProfile(AccessTest.WithTokens.class)
class AccessTest {

    @jakarta.inject.Inject
    com.company.onboarding.config.OnboardingConfig config;

    static final String READER = "reader-secret-0123456789";
    static final String ONBOARDER = "onboarder-secret-0123456789";

    public static class WithTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "access.tokens.catalog-ui.token", READER,
                    "access.tokens.catalog-ui.subject", "backstage-catalog-ui",
                    "access.tokens.catalog-ui.roles", "reader",
                    // sha256 of ONBOARDER: configuration need not hold the secret itself
                    "access.tokens.scaffolder.token-sha256",
                    java.util.HexFormat.of().formatHex(AccessTokens.sha256(ONBOARDER)),
                    "access.tokens.scaffolder.subject", "backstage-scaffolder",
                    "access.tokens.scaffolder.roles", "onboarder",
                    "access.protect-openapi", "true",
                    // on every interface, to show that with tokens the address does not matter
                    "quarkus.http.host", "0.0.0.0");
        }
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        given().when().get("/profiles").then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("access.unauthenticated"));
        given().auth().preemptive().basic("x", READER).when().get("/profiles").then().statusCode(401);
    }

    @Test
    void aWrongTokenIs401AndIsNotEchoed() {
        given().header("Authorization", "Bearer not-a-token-we-know").when().get("/profiles").then()
                .statusCode(401)
                .body("code", equalTo("access.unauthenticated"))
                .body(not(containsString("not-a-token-we-know")));
    }

    @Test
    void readersReadAndOnboardersToo() {
        given().auth().oauth2(READER).when().get("/profiles").then().statusCode(200);
        given().auth().oauth2(ONBOARDER).when().get("/services").then().statusCode(200);
    }

    @Test
    void onboardingNeedsTheOnboarderRole() {
        given().auth().oauth2(READER).contentType("application/json").body("{}").when().post("/services").then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("access.forbidden"));
        given().auth().oauth2(ONBOARDER).contentType("application/json").body("{}").when().post("/services").then()
                .statusCode(422);
    }

    @Test
    void writesOtherThanValidateAndPreviewNeedTheOnboarderRoleHoweverThePathIsSpelled() {
        // JAX-RS routes "/services;x=1" to POST /services, so its @RolesAllowed(onboarder) decides: however the
        // path is spelled, the role is checked on the method the request reaches.
        given().auth().oauth2(ONBOARDER).contentType("application/json").body("{}").urlEncodingEnabled(false)
                .when().post("/services;x=1").then().statusCode(422);
        for (String path : new String[] {"/services;x=1", "/services;", "/services/", "//services", "/services/.",
                "/q/health/../../services"}) {
            given().auth().oauth2(READER).contentType("application/json").body("{}").urlEncodingEnabled(false)
                    .when().post(path).then()
                    .statusCode(403)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("access.forbidden"));
        }
        // Spellings that reach no operation are refused too: 404 with a token, 401 without one.
        for (String path : new String[] {"/services%3Bx=1", "/no/such/path"}) {
            given().auth().oauth2(READER).contentType("application/json").body("{}").urlEncodingEnabled(false)
                    .when().post(path).then()
                    .statusCode(404)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("request.not-found"));
            given().contentType("application/json").body("{}").urlEncodingEnabled(false).when().post(path).then()
                    .statusCode(401)
                    .body("code", equalTo("access.unauthenticated"));
        }
        given().auth().oauth2(READER).contentType("application/json").body("{}").urlEncodingEnabled(false)
                .when().post("/services/validate;v=1").then().statusCode(200);
        given().contentType("application/json").body("{}").when().post("/q/health").then().statusCode(401);
    }

    @Test
    void aTokenWithALineBreakInItIsNeverAccepted() {
        String[] headers = {
                "Authorization: Bearer " + READER + "\r\n\tfolded-onto-the-token",
                "Authorization: Bearer not-a-token\r\nAuthorization: Bearer " + READER,
                "Authorization: Bearer not-a-token\r\nX-Injected: 1",
                "Authorization: Bearer \r\n" + READER,
        };
        for (String header : headers) {
            RawHttp.Answer answer = RawHttp.exchange("GET /profiles HTTP/1.1\r\nHost: localhost\r\n" + header
                    + "\r\nConnection: close", new byte[0]);
            org.junit.jupiter.api.Assertions.assertTrue(answer.status() == 401 || answer.status() == 400,
                    header + " -> " + answer.status());
            org.hamcrest.MatcherAssert.assertThat(answer.body(), not(containsString(READER)));
            org.hamcrest.MatcherAssert.assertThat(answer.body(), not(containsString("Exception")));
        }
        // What a client library sends for such a value (line breaks made spaces) is a 401 problem.
        given().header("Authorization", "Bearer " + READER + "\r\nX-Injected: 1").when().get("/profiles").then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void theTokensSubjectAndTheRequesterGoIntoTheCommitTrailers() throws Exception {
        String entry = com.company.onboarding.validation.Entries.paymentProcessor(
                e -> com.company.onboarding.validation.Entries.set(e, "/name", "trailer-check")).toString();
        String commit = given().auth().oauth2(ONBOARDER).contentType("application/json")
                .body("{\"entry\": " + entry + ", \"requestedBy\": \"carol@company.com\"}")
                .when().post("/services").then().statusCode(201).extract().path("commit");
        try (var repo = com.company.onboarding.testing.BareRepo.open(config.dataDir().resolve("repos/platform-next.git"));
                var walk = new org.eclipse.jgit.revwalk.RevWalk(repo.repository())) {
            String message = walk.parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(commit)).getFullMessage();
            org.hamcrest.MatcherAssert.assertThat(message, containsString("Requested-by: carol@company.com"));
            org.hamcrest.MatcherAssert.assertThat(message, containsString("Onboarded-by: backstage-scaffolder"));
        }
    }

    @Test
    void eachRefusalSaysWhyInWordsClientsShow() {
        given().when().get("/services").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo(BearerTokenMechanism.CHALLENGE))
                .body("type", equalTo("urn:monitoring-onboarding:problem:access.unauthenticated"))
                .body("detail", equalTo("a bearer token is required"));
        given().auth().oauth2("not-a-token-we-know").when().get("/services").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo(BearerTokenMechanism.CHALLENGE))
                .body("detail", equalTo("the bearer token is not valid"));
        given().auth().oauth2(READER).contentType("application/json").body("{}").when().post("/services").then()
                .statusCode(403)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue())
                .body("type", equalTo("urn:monitoring-onboarding:problem:access.forbidden"))
                .body("detail", equalTo("this token lacks the onboarder role"));
        given().when().get("/q/openapi").then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", equalTo(BearerTokenMechanism.CHALLENGE))
                .body("detail", equalTo("a bearer token is required"));
    }

    @Test
    void withTokensTheCallersAddressDoesNotMatter() {
        java.util.Optional<java.net.InetAddress> address = OpenAccessHttpTest.nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        String remote = "http://" + address.get().getHostAddress();
        given().baseUri(remote).auth().oauth2(ONBOARDER).contentType("application/json").body("{}").when().post("/services")
                .then().statusCode(422);
        given().baseUri(remote).auth().oauth2(READER).contentType("application/json").body("{}").when().post("/services")
                .then().statusCode(403).body("code", equalTo("access.forbidden"));
        given().baseUri(remote).when().get("/profiles").then().statusCode(401);
    }

    @Test
    void healthIsOpenMetricsByDefaultAndOpenapiWhenConfigured() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(READER).when().get("/q/openapi").then().statusCode(200);
    }
}
