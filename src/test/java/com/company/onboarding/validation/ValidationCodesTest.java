package com.company.onboarding.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation code of docs/spec.md#validation-codes, each from one edit of the design document's
 * payment-processor entry, checked against the embedded default through real HTTP: code,
 * pointer and severity.
 */
@QuarkusTest
class ValidationCodesTest {

    private static final String RULE = "/monitoring/overrides/prod/dynatrace/alertRules/0";
    private static final String METRIC = "/monitoring/customMetrics/metrics/0";
    private static final String REPO = "/monitoring/customMetrics/repository";

    static Stream<Arguments> codes() {
        return Stream.of(
                row("entry.malformed", "/size", "error", e -> Entries.set(e, "/size", "[large]")),
                row("field.required", "/cost/costOwner", "error", e -> Entries.remove(e, "/cost/costOwner")),
                row("field.unknown", "/costProfil", "warning", e -> Entries.set(e, "/costProfil", "x")),
                row("field.key.too-long", "/monitoring/overrides/prod/" + "k".repeat(101), "error",
                        e -> ((ObjectNode) e.at("/monitoring/overrides/prod")).put("k".repeat(101), 1)),
                row("field.invalid", "/regions/1", "error", e -> Entries.set(e, "/regions/1", "euw1")),
                row("service.name.invalid", "/name", "error", e -> Entries.set(e, "/name", "Payment_Processor")),
                row("namespace.too-long", "/name", "error", e -> Entries.set(e, "/name", "p" + "a".repeat(50))),
                row("service.exists", "/name", "error", e -> Entries.set(e, "/name", "account-service")),
                row("archetype.unknown", "/archetype", "error", e -> Entries.set(e, "/archetype", "apii")),
                row("size.unknown", "/size", "error", e -> Entries.set(e, "/size", "huge")),
                row("region.unknown", "/regions/1", "error", e -> Entries.set(e, "/regions/1", "euw3")),
                row("environment.unknown", "/enabledIn/0", "error", e -> Entries.set(e, "/enabledIn/0", "qa")),
                row("track.unknown", "/enabledIn/0", "error", e -> Entries.set(e, "/enabledIn/0", "int-canary")),
                row("profile.unknown", "/monitoringProfile", "error", e -> Entries.set(e, "/monitoringProfile", "domain-apii")),
                row("profile.archetype-mismatch", "/monitoringProfile", "warning",
                        e -> Entries.set(e, "/monitoringProfile", "batch-job-observability")),
                row("cost.owner.invalid", "/cost/costOwner", "error", e -> Entries.set(e, "/cost/costOwner", "owner-at-company")),
                row("catalog.url.not-allowed", REPO + "/url", "error",
                        e -> Entries.set(e, REPO + "/url", "https://evil.example.com/metrics-catalog")),
                row("catalog.ref.invalid", REPO + "/ref", "error", e -> Entries.set(e, REPO + "/ref", "--upload-pack=touch")),
                row("catalog.ref.not-found", REPO + "/ref", "error", e -> Entries.set(e, REPO + "/ref", "v9.9.9")),
                row("catalog.profile.not-found", "/monitoring/customMetrics/profiles/2", "error",
                        e -> Entries.set(e, "/monitoring/customMetrics/profiles/-", "payment-nope-metrics")),
                row("metric.name.invalid", METRIC + "/name", "error", e -> Entries.set(e, METRIC + "/name", "9payments")),
                row("metric.type.invalid", METRIC + "/type", "error", e -> Entries.set(e, METRIC + "/type", "summary")),
                row("metric.unit.invalid", METRIC + "/dynatrace/unit", "error", e -> Entries.set(e, METRIC + "/dynatrace/unit", "secs")),
                row("metric.aggregation.invalid", METRIC + "/dynatrace/aggregation", "error",
                        e -> Entries.set(e, METRIC + "/dynatrace/aggregation", "median")),
                row("metric.dimension.invalid", METRIC + "/dynatrace/dimensions/0", "error",
                        e -> Entries.set(e, METRIC + "/dynatrace/dimensions/0", "Status")),
                row("metric.conflict", METRIC + "/type", "error", e -> Entries.set(e, METRIC + "/type", "gauge")),
                row("metric.redefined", METRIC + "/description", "warning",
                        e -> Entries.set(e, METRIC + "/description", "Payments, counted differently")),
                row("alert.condition.syntax", RULE + "/condition", "error",
                        e -> Entries.set(e, RULE + "/condition", "\"payment_success_rate <\"")),
                row("alert.condition.unknown-metric", RULE + "/condition", "error",
                        e -> Entries.set(e, RULE + "/condition", "\"payment_sucess_rate < 95\"")),
                row("alert.severity.invalid", RULE + "/severity", "error", e -> Entries.set(e, RULE + "/severity", "severe")),
                row("alert.target.invalid", RULE + "/targets/0", "error", e -> Entries.set(e, RULE + "/targets/0", "SERVIC")),
                row("alert.duplicate", "/monitoring/overrides/prod/dynatrace/alertRules/1/name", "error",
                        e -> Entries.set(e, "/monitoring/overrides/prod/dynatrace/alertRules/1",
                                "{name: PaymentSuccessRateLow, condition: \"ErrorRate > 1\"}")),
                row("slo.out-of-range", "/monitoring/overrides/prod/sloAvailability", "error",
                        e -> Entries.set(e, "/monitoring/overrides/prod/sloAvailability", "101")),
                row("override.environment.not-enabled", "/monitoring/overrides/pre", "warning", e -> {
                    Entries.set(e, "/enabledIn", "[int-stable, prod]");
                    Entries.set(e, "/monitoring/overrides/pre", "{sloAvailability: 99.5}");
                }),
                row("variable.unknown", RULE + "/description", "warning",
                        e -> Entries.set(e, RULE + "/description", "\"page {SQUAD}\"")),
                row("catalog.pinned-to-branch", REPO + "/ref", "warning", e -> Entries.set(e, REPO + "/ref", "main")));
    }

    private static Arguments row(String code, String pointer, String severity, Consumer<ObjectNode> edit) {
        return Arguments.of(code, pointer, severity, edit);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("codes")
    void reportsTheCodeAtItsPointer(String code, String pointer, String severity, Consumer<ObjectNode> edit) {
        JsonPath report = validate(Entries.paymentProcessor(edit).toString());
        List<Map<String, Object>> findings = Stream.concat(report.<Map<String, Object>>getList("errors").stream(),
                report.<Map<String, Object>>getList("warnings").stream()).toList();
        List<Map<String, Object>> matching = findings.stream().filter(f -> code.equals(f.get("code"))).toList();
        assertTrue(!matching.isEmpty(), code + " not reported; got " + findings);
        assertEquals(pointer, matching.get(0).get("pointer"), "pointer of " + code + " in " + findings);
        assertEquals(severity, matching.get(0).get("severity"));
        assertEquals(severity.equals("warning"), report.getBoolean("valid"),
                "one edit, one finding: a warning leaves the entry valid, an error does not: " + findings);
    }

    @Test
    void theDesignDocumentsEntryIsValidAgainstTheEmbeddedDefault() {
        given().contentType("application/yaml").body(Entries.paymentProcessorYaml().getBytes(StandardCharsets.UTF_8))
                .when().post("/services/validate").then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("errors", empty())
                .body("targets.size()", equalTo(6))
                .body("targets[5].namespace", equalTo("prod-payment-processor-euw2-stable"));
    }

    @Test
    void anUnknownTagIsReportedAtTheRef() {
        JsonPath report = validate(Entries.paymentProcessor(e -> Entries.set(e, REPO + "/ref", "v9.9.9")).toString());
        assertEquals(false, report.getBoolean("valid"));
        assertEquals("catalog.ref.not-found", report.getString("errors[0].code"));
        assertEquals("/monitoring/customMetrics/repository/ref", report.getString("errors[0].pointer"));
    }

    @Test
    void tenMistakesAreReportedTogether() {
        ObjectNode entry = Entries.paymentProcessor(e -> {
            Entries.set(e, "/name", "Payment_Processor");
            Entries.set(e, "/archetype", "apii");
            Entries.set(e, "/size", "huge");
            Entries.set(e, "/regions/1", "euw3");
            Entries.set(e, "/enabledIn/0", "qa");
            Entries.set(e, "/cost/costOwner", "nobody");
            Entries.set(e, "/monitoringProfile", "domain-apii");
            Entries.set(e, REPO + "/ref", "v9.9.9");
            Entries.set(e, METRIC + "/dynatrace/unit", "secs");
            Entries.set(e, "/monitoring/overrides/prod/sloErrorRate", "-1");
        });
        JsonPath report = validate(entry.toString());
        List<String> codes = report.getList("errors.code");
        assertEquals(List.of("service.name.invalid", "archetype.unknown", "size.unknown", "region.unknown",
                "environment.unknown", "cost.owner.invalid", "slo.out-of-range", "profile.unknown",
                "catalog.ref.not-found", "metric.unit.invalid"), codes);
    }

    @Test
    void jsonAndYamlBodiesGiveTheSameFindings() throws Exception {
        String yaml = Entries.paymentProcessorYaml().replace("size: large", "size: huge")
                .replace("euw2]", "euw3]").replace("ref: v1.2.0", "ref: main");
        JsonNode asTree = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(yaml)));
        String fromYaml = given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).post("/services/validate").then()
                .statusCode(200).extract().asString();
        String fromJson = given().contentType("application/json").body(asTree.toString()).post("/services/validate").then()
                .statusCode(200).extract().asString();
        assertEquals(fromYaml, fromJson);
        assertTrue(fromYaml.contains("size.unknown") && fromYaml.contains("catalog.pinned-to-branch"));
    }

    private static JsonPath validate(String json) {
        return given().contentType("application/json").body(json).when().post("/services/validate").then()
                .statusCode(200).extract().jsonPath();
    }
}
