package com.company.onboarding.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.company.onboarding.api.Problem;
import com.company.onboarding.validation.Entries;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The preview endpoints on the embedded default: forms, target selection, failures. */
@QuarkusTest
class PreviewResourceTest {

    private static byte[] paymentProcessor() {
        return Entries.paymentProcessorYaml().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameRequestTwiceGivesTheSameBytes() {
        for (String format : new String[] {"application/yaml", "application/json"}) {
            String first = given().contentType("application/yaml").accept(format).body(paymentProcessor())
                    .post("/services/preview").then().statusCode(200).extract().asString();
            String second = given().contentType("application/json").accept(format)
                    .body(Entries.paymentProcessor().toString()).post("/services/preview").then().statusCode(200)
                    .extract().asString();
            assertEquals(first, second, format);
        }
    }

    @Test
    void queryParametersSelectOneTarget() {
        String yaml = given().contentType("application/yaml").accept("application/yaml").body(paymentProcessor())
                .queryParam("environment", "prod").queryParam("region", "euw2")
                .post("/services/preview").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(1, yaml.split("\n---\n").length);
        org.hamcrest.MatcherAssert.assertThat(yaml, containsString("namespace: prod-payment-processor-euw2-stable"));

        given().contentType("application/yaml").body(paymentProcessor()).queryParam("environment", "pre")
                .post("/services/preview").then().statusCode(200)
                .body("targets", hasSize(2))
                .body("targets.target.region", contains("euw1", "euw2"))
                .body("targets[0].configMap.metadata.namespace", equalTo("pre-payment-processor-euw1-stable"))
                .body("targets[0].application.slos.availability", equalTo(99.5f))
                .body("targets[0].sources.kind", contains("profile", "catalog-profile", "catalog-profile",
                        "catalog-service", "catalog-service", "inline"))
                .body("targets[0].provenance.slos.availability", equalTo("profile domain-api"));
    }

    @Test
    void aFilterOutsideTheKnownValuesIsABadRequestAndOneMatchingNoTargetIsNotFound() {
        given().contentType("application/yaml").body(paymentProcessor()).queryParam("environment", "qa")
                .post("/services/preview").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("preview.filter.invalid"));
        byte[] intOnly = Entries.paymentProcessorYaml().replace("[int-stable, pre-stable, prod]", "[int]")
                .replace("  overrides:", "  overrides_:").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/yaml").body(intOnly).queryParam("environment", "prod")
                .post("/services/preview").then().statusCode(404).body("code", equalTo("preview.target.not-found"));
    }

    @Test
    void anInvalidEntryIsA422NamingEveryField() {
        String entry = Entries.paymentProcessor(e -> {
            Entries.set(e, "/monitoringProfile", "domain-apii");
            Entries.set(e, "/monitoring/customMetrics/repository/ref", "v9.9.9");
        }).toString();
        given().contentType("application/json").body(entry).post("/services/preview").then()
                .statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("entry.invalid"))
                .body("errors.code", contains("profile.unknown", "catalog.ref.not-found"))
                .body("errors.pointer", contains("/monitoringProfile", "/monitoring/customMetrics/repository/ref"));
        String unknownCatalogProfile = Entries.paymentProcessor(e ->
                Entries.set(e, "/monitoring/customMetrics/profiles/0", "payment-nope-metrics")).toString();
        given().contentType("application/json").body(unknownCatalogProfile).post("/services/preview").then()
                .statusCode(422)
                .body("errors[0].code", equalTo("catalog.profile.not-found"))
                .body("errors[0].pointer", equalTo("/monitoring/customMetrics/profiles/0"));
    }

    @Test
    void dynatraceTurnedOffGivesNoTargetsAndSaysWhy() {
        String entry = Entries.paymentProcessor(e -> Entries.set(e, "/monitoring/dynatrace", "false")).toString();
        given().contentType("application/json").body(entry).post("/services/preview").then()
                .statusCode(200)
                .body("targets", empty())
                .body("message", containsString("dynatrace"));
        String yaml = given().contentType("application/json").accept("application/yaml").body(entry)
                .post("/services/preview").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(yaml, startsWith("# "));
    }

    @Test
    void anExistingServiceIsPreviewedFromPlatformNext() {
        given().queryParam("environment", "prod").when().get("/services/account-service/preview").then()
                .statusCode(200)
                .body("service", equalTo("account-service"))
                .body("targets.target.namespace", contains("prod-account-service-euw1-stable", "prod-account-service-euw2-stable"))
                .body("targets[0].configMap.metadata.annotations", equalTo(java.util.Map.of(
                        "monitoring.company.com/metrics-catalog-ref", "v1.2.0",
                        "monitoring.company.com/metrics-catalog-commit", "75e3808b9f0d93f70bdfb05795cc681b4369fac0")))
                .body("targets[0].application.customMetrics.name", contains("http_requests_total",
                        "http_request_duration_seconds", "http_errors_total", "accounts_opened_total", "balance_query_duration"));
        given().accept("application/yaml").when().get("/services/account-service/preview").then().statusCode(200)
                .body(containsString("namespace: int-account-service-euw1-stable"));
        given().when().get("/services/no-such-service/preview").then().statusCode(404)
                .body("code", equalTo("service.not-found"));
    }

    @Test
    void unreadableBodiesAreBadRequestsWithLineAndColumn() {
        given().contentType("application/yaml").body("name: [unclosed\n".getBytes(StandardCharsets.UTF_8))
                .post("/services/preview").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("entry.malformed"))
                .body("line", equalTo(2));
        given().contentType("application/json").body("{\"name\": \"x\",}").post("/services/validate").then()
                .statusCode(400).body("code", equalTo("entry.malformed")).body("line", equalTo(1));
        given().contentType("text/plain").body("name: x").post("/services/validate").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
    }
}
