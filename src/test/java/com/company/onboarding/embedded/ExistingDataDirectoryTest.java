package com.company.onboarding.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restart on a data directory from an earlier run reuses its repositories and what was pushed to them. */
@QuarkusTest
@WithTestResource(ExistingDataDirectoryTest.EarlierRun.class)
class ExistingDataDirectoryTest {

    /** Plays an earlier run: the embedded repository exists and has moved on since it was seeded. */
    public static class EarlierRun implements QuarkusTestResourceLifecycleManager {
        static String pushed;

        @Override
        public Map<String, String> start() {
            Path data = Fixtures.freshDirectory("existing");
            Path platform = EmbeddedRepositories.ensure("platform-next", data.resolve("repos/platform-next.git"));
            try (BareRepo repo = BareRepo.open(platform)) {
                String services = repo.read("main", Fixtures.SERVICES_PATH)
                        + "\n  - name: merged-earlier\n    archetype: api\n    monitoringProfile: domain-api\n";
                pushed = repo.commit("main", "a pull request merged earlier", Map.of(Fixtures.SERVICES_PATH, services));
            }
            return Map.of("onboarding.data-dir", data.toString());
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void reusesTheRepositoryWithItsLaterCommits() {
        given().when().get("/services").then()
                .statusCode(200)
                .body("commit", equalTo(EarlierRun.pushed))
                .body("services.name", contains("account-service", "ledger-reconciliation",
                        "notification-listener", "merged-earlier"));
    }
}
