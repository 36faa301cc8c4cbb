package com.company.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.PackagedService;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar, as an operator runs it: on its embedded default, and refusing bad configuration. */
class StartupIT {

    @Test
    void startsOnItsEmbeddedDefaultAndAgainOnTheSameDataDirectory() throws Exception {
        Path data = Fixtures.freshDirectory("startup");
        for (int run = 0; run < 2; run++) {
            try (PackagedService service = PackagedService.start(Map.of("onboarding.data-dir", data.toString()))) {
                String base = service.awaitStarted(Duration.ofSeconds(60));
                RestAssured.given().baseUri(base).get("/profiles").then().statusCode(200);
                RestAssured.given().baseUri(base).get("/q/health/ready").then().statusCode(200);
                assertTrue(service.output().contains("(embedded sample repository)"), service.output());
                assertEquals(run == 0, service.output().contains("created the embedded platform-next repository"));
            }
        }
        assertTrue(Files.isDirectory(data.resolve("repos/platform-next.git/objects")));
    }

    @Test
    void malformedUrlStopsStartUpNamingTheKey() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("startup").toString(),
                "platform-next.url", "ht!tp://nowhere"))) {
            assertNotEquals(0, service.awaitExit(Duration.ofSeconds(60)));
            assertTrue(service.output().contains("platform-next.url"), service.output());
            assertTrue(service.output().contains("not a valid git URL"), service.output());
        }
    }

    @Test
    void negativeTtlStopsStartUpNamingTheKey() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("startup").toString(),
                "metrics-catalog.branch-ttl", "-5s"))) {
            assertNotEquals(0, service.awaitExit(Duration.ofSeconds(60)));
            assertTrue(service.output().contains(
                    "config property metrics-catalog.branch-ttl with the config value \"-5s\""), service.output());
            assertTrue(service.output().contains("must be 0s or longer"), service.output());
        }
    }
}
