package com.company.onboarding.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.HttpPlatformNext;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.SmartHttpGitServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** platform-next over real smart HTTP: read, lost, and found again. */
@QuarkusTest
@WithTestResource(HttpPlatformNext.class)
class SmartHttpPlatformTest {

    @InjectRepo
    SmartHttpGitServer server;

    @Test
    void readsOverSmartHttpAndRecoversAfterAnOutage() {
        given().when().get("/services").then().statusCode(200)
                .body("services.name", contains("alpha-api", "beta-job"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        server.stop();
        try {
            given().when().get("/profiles").then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "10")
                    .body("code", equalTo("platform-next.unavailable"))
                    .body(not(containsString("127.0.0.1")))
                    .body(not(containsString("Exception")));
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'platform-next' }.status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            server.start();
        }

        given().when().get("/profiles").then().statusCode(200)
                .body("profiles.name", contains("web-api", "quiet-job"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
