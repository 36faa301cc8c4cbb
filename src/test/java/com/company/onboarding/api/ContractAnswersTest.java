package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.parsing.JsonTrees;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.testing.RawHttp;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A proxy that checks every answer against {@code openapi/openapi.yaml}: for every operation of
 * the contract, a set of odd and hostile requests (a valid one, a wrong {@code Accept}, a weight
 * of 0, a body too large, the wrong content type, an unreadable body, bad path parameters, a
 * path too long); each answer's status must be declared for that operation, its media type
 * declared for that status, and its body must fit the declared schema (a problem: type, title,
 * status, detail, code).
 */
@QuarkusTest
class ContractAnswersTest {

    private record Probe(String name, Function<Contract.Operation, Answer> send) {
    }

    /** What came back: status, media type (without parameters), body. */
    private record Answer(int status, String mediaType, String body) {
        static Answer of(Response response) {
            return new Answer(response.statusCode(), essence(response.contentType()), response.asString());
        }

        static Answer of(RawHttp.Answer raw) {
            return new Answer(raw.status(), essence(raw.header("content-type")), raw.body());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerOfEveryOperationIsDeclaredWithItsSchema() {
        Contract contract = Contract.published();
        List<Probe> probes = List.of(
                new Probe("a plain request", op -> Answer.of(request(op, "application/json").request(op.method(), op.samplePath()))),
                new Probe("Accept: text/html", op -> Answer.of(request(op, "text/html").request(op.method(), op.samplePath()))),
                new Probe("Accept: */*;q=0", op -> Answer.of(request(op, "*/*;q=0").request(op.method(), op.samplePath()))),
                new Probe("Accept: application/yaml", op -> Answer.of(request(op, "application/yaml").request(op.method(), op.samplePath()))),
                new Probe("a body of 30 MiB", op -> Answer.of(RawHttp.exchange(op.method() + " " + op.samplePath()
                        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " + 30 * 1024 * 1024,
                        new byte[0]))),
                new Probe("Content-Type: text/plain", op -> Answer.of(given().contentType("text/plain").body("name: x")
                        .request(op.method(), op.samplePath()))),
                new Probe("an unreadable body", op -> Answer.of(given().contentType("application/json").body("{\"name\": ")
                        .request(op.method(), op.samplePath()))),
                new Probe("an empty body", op -> Answer.of(given().contentType("application/yaml").body(new byte[0])
                        .request(op.method(), op.samplePath()))),
                new Probe("parameters with traversal", op -> Answer.of(given().urlEncodingEnabled(false)
                        .contentType("application/json").body("{}")
                        .request(op.method(), op.template().replaceAll("\\{[^}]+}", "..%2F..%2Fetc%2Fpasswd")))),
                new Probe("parameters of 300 characters", op -> Answer.of(given().contentType("application/json").body("{}")
                        .request(op.method(), op.template().replaceAll("\\{[^}]+}", "x".repeat(300))))),
                new Probe("a request line of 10,000 characters", op -> Answer.of(RawHttp.exchange(op.method() + " "
                        + op.template().replaceAll("\\{[^}]+}", "y") + "?q=" + "x".repeat(10_000)
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close", new byte[0]))),
                new Probe("a query that names nothing known", op -> Answer.of(request(op, "application/json")
                        .queryParam("environment", "qa").queryParam("region", "mars").request(op.method(), op.samplePath()))));
        List<DynamicTest> tests = new ArrayList<>();
        for (Contract.Operation operation : contract.operations()) {
            for (Probe probe : probes) {
                tests.add(DynamicTest.dynamicTest(operation + ": " + probe.name(), () -> {
                    Answer answer = probe.send().apply(operation);
                    assertDeclared(contract, operation, answer);
                }));
            }
        }
        return tests.stream();
    }

    private static void assertDeclared(Contract contract, Contract.Operation operation, Answer answer) {
        String where = operation + " answered " + answer.status() + " " + answer.mediaType() + ": " + abbreviate(answer.body());
        JsonNode declared = operation.response(answer.status());
        assertTrue(!declared.isMissingNode(), "status not declared: " + where);
        Map<String, JsonNode> content = new TreeMap<>();
        declared.path("content").fields().forEachRemaining(type -> content.put(type.getKey(), type.getValue()));
        if (content.isEmpty()) {
            return;
        }
        assertTrue(content.containsKey(answer.mediaType()), "media type not declared (" + content.keySet() + "): " + where);
        JsonNode schema = content.get(answer.mediaType()).path("schema");
        if (answer.mediaType().endsWith("json")) {
            JsonNode body;
            try {
                body = JsonTrees.read(answer.body().getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULT);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + where, e);
            }
            assertEquals(List.of(), contract.violations(schema, body, ""), where);
            if (answer.mediaType().equals(Problem.MEDIA_TYPE)) {
                assertEquals(answer.status(), body.path("status").intValue(), where);
            }
        }
    }

    /** A request for {@code operation} with a valid-looking body where it takes one. */
    private static RequestSpecification request(Contract.Operation operation, String accept) {
        RequestSpecification request = given().accept(accept);
        if (operation.hasBody()) {
            String entry = Entries.paymentProcessor(e -> Entries.set(e, "/name", "contract-check")).toString();
            // POST /services takes {entry}: an invalid entry keeps the probe from opening anything.
            String body = operation.template().equals("/services") && operation.method().equals("POST")
                    ? "{\"entry\": " + entry.replace("\"size\":\"large\"", "\"size\":\"huge\"") + "}" : entry;
            request.contentType("application/json").body(body);
        }
        return request;
    }

    private static String essence(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
