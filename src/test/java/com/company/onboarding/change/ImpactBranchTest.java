package com.company.onboarding.change;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.EmbeddedPlatformNextOverHttp;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.InjectRepo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The impact page lists services that follow a branch of the catalog whatever {@code from} is,
 * marked so: platform-next here is a copy of the embedded one whose base branch this test moves.
 */
@QuarkusTest
@WithTestResource(EmbeddedPlatformNextOverHttp.class)
class ImpactBranchTest {

    @InjectRepo
    Path repository;

    @Test
    void aServiceFollowingABranchIsListedAndMarked() {
        try (BareRepo platform = BareRepo.open(repository)) {
            String services = platform.read("main", Fixtures.SERVICES_PATH).replace("""
                    monitoringProfile: listener-observability
                    monitoring:
                      dynatrace: true
                """, """
                    monitoringProfile: listener-observability
                    monitoring:
                      dynatrace: true
                      customMetrics:
                        repository:
                          url: https://github.com/company/metrics-catalog
                          ref: main
                """);
            platform.commit("main", "notification-listener follows the catalog's main", Map.of(Fixtures.SERVICES_PATH, services));
        }
        given().queryParam("from", "v1.2.0").queryParam("to", "v1.3.0").when().get("/metrics-catalog/impact").then()
                .statusCode(200)
                .body("services.service", contains("account-service", "notification-listener"))
                .body("services.followsBranch", contains(false, true))
                .body("services[1].ref", equalTo("main"))
                .body("services[1].status", equalTo("changed"))
                .body("services[1].warnings.size()", equalTo(0));
    }
}
