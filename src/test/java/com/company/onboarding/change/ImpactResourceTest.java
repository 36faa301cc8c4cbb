package com.company.onboarding.change;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.company.onboarding.api.Problem;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.testing.BareRepo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics-catalog/impact} on the embedded default: account-service pins v1.2.0,
 * the other services use no catalog. A broken tag is added to the embedded catalog (never to
 * its main branch) to see a service the move would break.
 */
@QuarkusTest
class ImpactResourceTest {

    @Inject
    OnboardingConfig config;

    @Test
    void movingV120ToV130ListsAccountServiceWithItsTargetsChanges() {
        given().queryParam("from", "v1.2.0").queryParam("to", "v1.3.0").when().get("/metrics-catalog/impact").then()
                .statusCode(200)
                .body("from.ref", equalTo("v1.2.0"))
                .body("from.kind", equalTo("tag"))
                .body("to.commit", notNullValue())
                .body("summary.services", equalTo(1))
                .body("summary.changed", equalTo(1))
                .body("services.service", contains("account-service"))
                .body("services[0].ref", equalTo("v1.2.0"))
                .body("services[0].followsBranch", equalTo(false))
                .body("services[0].status", equalTo("changed"))
                .body("services[0].summary.changed", equalTo(6))
                .body("services[0].targets", hasSize(6))
                .body("services[0].targets[0].changes.pointer", contains(
                        "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref",
                        "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-commit"))
                .body("services[0].targets[0].yamlDiff", nullValue())
                .body("services[0].errors", empty());
        given().queryParam("from", "v1.2.0").queryParam("to", "v1.3.0").queryParam("yamlDiff", true)
                .when().get("/metrics-catalog/impact").then()
                .statusCode(200)
                .body("services[0].targets.yamlDiff", everyItem(startsWith("--- a/generated/account-service/")));
    }

    @Test
    void nobodyPinsARefThatNoEntryNames() {
        given().queryParam("from", "v1.3.0").queryParam("to", "v1.2.0").when().get("/metrics-catalog/impact").then()
                .statusCode(200)
                .body("summary.services", equalTo(0))
                .body("services", empty());
    }

    @Test
    void aServiceTheMoveWouldBreakSaysWhy() {
        try (BareRepo catalog = BareRepo.open(config.dataDir().resolve("repos/metrics-catalog.git"))) {
            String broken = catalog.commit("impact-test-broken", "a broken file", Map.of(
                    "services/account-service/account-metrics.yaml", """
                            apiVersion: v1
                            kind: ConfigMap
                            metadata:
                              name: account-metrics
                            data:
                              dynatrace-custom-metrics.json: |
                                {"customMetrics": [
                            """));
            catalog.tag("v9.0.0-broken", broken, false);
        }
        given().queryParam("from", "v1.2.0").queryParam("to", "v9.0.0-broken").when().get("/metrics-catalog/impact").then()
                .statusCode(200)
                .body("summary.invalid", equalTo(1))
                .body("services[0].status", equalTo("invalid"))
                .body("services[0].errors[0].code", equalTo("catalog.file.invalid"))
                .body("services[0].errors[0].source", equalTo("services/account-service/account-metrics.yaml@v9.0.0-broken"));
    }

    @Test
    void refsAreCheckedAndTheProblemNamesTheParameter() {
        given().queryParam("to", "v1.3.0").when().get("/metrics-catalog/impact").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("catalog.ref.invalid"))
                .body("parameter", equalTo("from"));
        given().queryParam("from", "v1.2.0").queryParam("to", "-x..y").when().get("/metrics-catalog/impact").then()
                .statusCode(400)
                .body("code", equalTo("catalog.ref.invalid"))
                .body("parameter", equalTo("to"));
        given().queryParam("from", "v1.2.0").queryParam("to", "v9.9.9").when().get("/metrics-catalog/impact").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("catalog.ref.not-found"))
                .body("parameter", equalTo("to"));
    }
}
