package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.PackagedService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar refuses to start on a pull-request configuration it cannot work with, naming the keys. */
class PullRequestStartupIT {

    @Test
    void githubWithoutItsKeysStopsStartUpNamingThem() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("startup-github").toString(),
                "pull-request.provider", "github",
                "pull-request.repository", "company/platform-next"))) {
            assertNotEquals(0, service.awaitExit(Duration.ofSeconds(60)));
            String output = service.output();
            assertTrue(output.contains("pull-request.api-url must be set when pull-request.provider is github"), output);
            assertTrue(output.contains("pull-request.token must be set"), output);
            assertTrue(!output.contains("pull-request.repository (owner/name"), "repository is set: " + output);
        }
    }

    @Test
    void gitlabWithoutItsKeysStopsStartUpNamingThem() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("startup-gitlab").toString(),
                "pull-request.provider", "gitlab"))) {
            assertNotEquals(0, service.awaitExit(Duration.ofSeconds(60)));
            String output = service.output();
            assertTrue(output.contains("pull-request.api-url must be set when pull-request.provider is gitlab"), output);
            assertTrue(output.contains("pull-request.repository (group/project"), output);
            assertTrue(output.contains("pull-request.token must be set when pull-request.provider is gitlab"), output);
        }
    }
}
