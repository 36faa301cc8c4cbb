package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong, the client gets the same problem shape, and nothing of our internals. */
@QuarkusTest
class ErrorShapeTest {

    @Test
    void unknownPathIsA404Problem() {
        given().when().get("/no/such/path").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("request.not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().when().delete("/profiles").then()
                .statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("request.method-not-allowed"));
    }

    @Test
    void unacceptableAcceptIsA406Problem() {
        given().accept("text/csv").when().get("/profiles").then()
                .statusCode(406)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("request.not-acceptable"));
    }

    @Test
    void anInternalErrorIsA500ProblemWithNothingOfItsCause() {
        for (String path : new String[] {"/test-only/internal-error", "/test-only/internal-error-in-a-route"}) {
            given().when().get(path).then()
                    .statusCode(500)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("internal"))
                    .body(not(containsString(com.company.onboarding.testing.InternalErrorRoutes.SECRET_DETAIL)))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at com.")));
        }
    }

    @Test
    void unknownManagementPathsAreProblemsToo() {
        for (String path : new String[] {"/q/no-such-endpoint", "/q/health/no-such-check", "/q/openapi/x"}) {
            given().when().get(path).then()
                    .statusCode(404)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("request.not-found"));
        }
    }

    @Test
    void aBodyOfAnotherMediaTypeOrAnUnknownCharsetIsA415Problem() {
        given().contentType("text/plain").body("name: x").when().post("/services/validate").then()
                .statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("request.unsupported-media-type"));
        given().contentType("application/json; charset=x-no-such-charset").body("{}".getBytes()).when()
                .post("/services/validate").then()
                .statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("request.unsupported-media-type"))
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void aBodyIsReadInTheCharsetItsMediaTypeNames() {
        // "café" in ISO-8859-1 is not UTF-8: read as labelled, the name is a name (and not a DNS label).
        byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().contentType("application/json; charset=ISO-8859-1").body(latin1).when().post("/services/validate").then()
                .statusCode(200)
                .body("errors.find { it.pointer == '/name' }.message", containsString("caf\u00e9"));
        given().contentType("application/json").body(latin1).when().post("/services/validate").then()
                .statusCode(400)
                .body("detail", containsString("invalid UTF-8"));
    }

    @Test
    void encodedTraversalInAPathParameterFindsNothing() {
        for (String path : new String[] {"/profiles/..%2F..%2Fetc%2Fpasswd", "/services/%2e%2e", "/profiles/a%00b"}) {
            given().urlEncodingEnabled(false).when().get(path).then()
                    .statusCode(404)
                    .contentType(Problem.MEDIA_TYPE)
                    .body(not(containsString("/etc")))
                    .body(not(containsString("Exception")));
        }
    }
}
