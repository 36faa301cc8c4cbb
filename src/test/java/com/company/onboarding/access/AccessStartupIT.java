package com.company.onboarding.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.PackagedService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts with no configuration at all (open, saying so) and with a token given the
 * way a container gives it, as environment variables; either way its access works as documented.
 */
class AccessStartupIT {

    private static final String TOKEN = "startup-it-token-0123456789";

    @Test
    void withNoConfigurationItStartsOpenAndWarnsThatOnlyLoopbackMayOnboard() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("access-startup-open").toString()))) {
            String base = service.awaitStarted(Duration.ofSeconds(90));
            given().baseUri(base).get("/profiles").then().statusCode(200);
            given().baseUri(base).contentType("application/json").body("{}").post("/services").then().statusCode(422);
            String output = service.output();
            assertTrue(output.contains("access: OPEN."), output);
            assertTrue(output.contains("accepted only from loopback"), output);
            assertTrue(output.contains("access.tokens.<name>.token-sha256"), output);
        }
    }

    @Test
    void withATokenFromTheEnvironmentItAsksForIt() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("access-startup-token").toString()), Map.of(
                "ACCESS_TOKENS_LOCAL_TOKEN", TOKEN,
                "ACCESS_TOKENS_LOCAL_SUBJECT", "startup-it",
                "ACCESS_TOKENS_LOCAL_ROLES", "onboarder"))) {
            String base = service.awaitStarted(Duration.ofSeconds(90));
            given().baseUri(base).get("/profiles").then().statusCode(401).body("code", equalTo("access.unauthenticated"));
            given().baseUri(base).auth().oauth2(TOKEN).get("/profiles").then().statusCode(200);
            given().baseUri(base).auth().oauth2(TOKEN).contentType("application/json").body("{}").post("/services").then()
                    .statusCode(422);
            given().baseUri(base).get("/q/health/ready").then().statusCode(200);
            String output = service.output();
            assertTrue(output.contains("access: 1 bearer token(s) configured"), output);
            assertFalse(output.contains("access: OPEN"), output);
            assertFalse(output.contains(TOKEN), "the token is not in the output");
        }
    }
}
