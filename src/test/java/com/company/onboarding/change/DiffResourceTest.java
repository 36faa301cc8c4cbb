package com.company.onboarding.change;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.company.onboarding.api.Problem;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /services/{name}/diff} and {@code GET /services/{name}/diff?ref=} on the embedded
 * default, where account-service pins the catalog at v1.2.0 and the catalog also has v1.3.0.
 *
 * <p>The golden file is regenerated with
 * {@code ./mvnw -B test -Dskip.npm -Dtest=DiffResourceTest -Dgolden.update=true}; review its diff.
 */
@QuarkusTest
class DiffResourceTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/diff");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode accountService() throws Exception {
        return (ObjectNode) JSON.readTree(given().when().get("/services/account-service").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void aRefBumpOfAccountServiceChangesOnlyTheCatalogAnnotationsAndEqualsTheGoldenFile() throws Exception {
        String body = given().queryParam("ref", "v1.3.0").when().get("/services/account-service/diff").then()
                .statusCode(200)
                .body("service", equalTo("account-service"))
                .body("status", equalTo("changed"))
                .body("before.catalogRef", equalTo("v1.2.0"))
                .body("after.catalogRef", equalTo("v1.3.0"))
                .body("summary.changed", equalTo(6))
                .body("entryChanges.pointer", contains("/monitoring/customMetrics/repository/ref"))
                .body("targets", hasSize(6))
                .body("targets.status", everyItem(equalTo("changed")))
                .body("targets[0].changes.pointer", contains(
                        "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-ref",
                        "/configMap/metadata/annotations/monitoring.company.com~1metrics-catalog-commit"))
                .body("targets[0].yamlDiff", startsWith(
                        "--- a/generated/account-service/int/euw1/monitoring/dynatrace-app-config.yaml\n"))
                .body("valid", equalTo(true))
                .extract().asString();
        String actual = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(JSON.readTree(body)) + "\n";
        Path golden = GOLDEN.resolve("account-service-v1.2.0-to-v1.3.0.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                golden + " differs; regenerate as this test's Javadoc says, and review the diff");
    }

    @Test
    void anotherCatalogProfileAddsItsMetricsAndRulesWithTheirSource() throws Exception {
        ObjectNode entry = accountService();
        Entries.set(entry, "/monitoring/customMetrics/repository/ref", "v1.3.0");
        Entries.set(entry, "/monitoring/customMetrics/profiles", "[payment-revenue-metrics]");
        given().contentType("application/json").body(entry.toString()).when().post("/services/account-service/diff").then()
                .statusCode(200)
                .body("status", equalTo("changed"))
                .body("targets[0].changes.pointer", hasItem("/customMetrics/revenue_total"))
                .body("targets[0].changes.find { it.pointer == '/customMetrics/revenue_total' }.kind", equalTo("added"))
                .body("targets[0].changes.find { it.pointer == '/customMetrics/revenue_total' }.source",
                        startsWith("catalog profile payment-revenue-metrics @ v1.3.0"))
                .body("targets[0].changes.find { it.pointer == '/alertRules/RevenueDrop' }.after.severity", equalTo("warning"))
                .body("targets[0].yamlDiff", containsString("\n+          \"name\": \"revenue_total\",\n"));
    }

    @Test
    void theSameEntryAsYamlIsUnchangedEverywhere() {
        String yaml = """
                name: account-service
                archetype: api
                size: medium
                regions: [euw1, euw2]
                enabledIn: [int-stable, pre-stable, prod]
                costProfile: standard-api-cost
                cost:
                  costCenter: "COR-B"
                  businessUnit: "core-banking"
                  costOwner: "accounts@company.com"
                monitoringProfile: domain-api
                monitoring:
                  dynatrace: true
                  customMetrics:
                    repository:
                      url: https://github.com/company/metrics-catalog
                      ref: v1.2.0
                """;
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().post("/services/account-service/diff").then()
                .statusCode(200)
                .body("status", equalTo("unchanged"))
                .body("entryChanges", empty())
                .body("targets.status", everyItem(equalTo("unchanged")))
                .body("targets.yamlDiff", everyItem(equalTo("")));
    }

    @Test
    void droppingAnEnvironmentRemovesItsTargets() throws Exception {
        ObjectNode entry = accountService();
        Entries.set(entry, "/enabledIn", "[int-stable, prod]");
        given().contentType("application/json").body(entry.toString()).when().post("/services/account-service/diff").then()
                .statusCode(200)
                .body("summary.removed", equalTo(2))
                .body("summary.unchanged", equalTo(4))
                .body("targets.findAll { it.status == 'removed' }.target.environment", contains("pre", "pre"))
                .body("targets.find { it.status == 'removed' }.yamlDiff", containsString("\n+++ /dev/null\n"));
    }

    @Test
    void aBodyNamingAnotherServiceIsA400AndAnUnknownServiceA404() throws Exception {
        ObjectNode entry = accountService();
        given().contentType("application/json").body(entry.toString()).when().post("/services/ledger-reconciliation/diff")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("entry.name.mismatch"))
                .body("pointer", equalTo("/name"));
        Entries.set(entry, "/name", "no-such-service");
        given().contentType("application/json").body(entry.toString()).when().post("/services/no-such-service/diff")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("service.not-found"));
        given().queryParam("ref", "v1.3.0").when().get("/services/no-such-service/diff").then().statusCode(404)
                .body("code", equalTo("service.not-found"));
    }

    @Test
    void anInvalidProposalIsA422WithTheFindingsOfValidate() throws Exception {
        ObjectNode entry = accountService();
        Entries.set(entry, "/regions/0", "euw9");
        Entries.set(entry, "/monitoring/customMetrics/repository/ref", "v9.9.9");
        given().contentType("application/json").body(entry.toString()).when().post("/services/account-service/diff").then()
                .statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.code", contains("region.unknown", "catalog.ref.not-found"))
                .body("errors[0].pointer", equalTo("/regions/0"));
        given().contentType("application/json").body("{\"name\": ").when().post("/services/account-service/diff").then()
                .statusCode(400)
                .body("code", equalTo("entry.malformed"));
    }

    @Test
    void theShortcutChecksItsRefBeforeAnythingElse() {
        given().when().get("/services/account-service/diff").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("catalog.ref.invalid"));
        given().queryParam("ref", "-bad..ref").when().get("/services/account-service/diff").then().statusCode(400)
                .body("code", equalTo("catalog.ref.invalid"));
        given().queryParam("ref", "v9.9.9").when().get("/services/account-service/diff").then().statusCode(404)
                .body("code", equalTo("catalog.ref.not-found"));
    }
}
