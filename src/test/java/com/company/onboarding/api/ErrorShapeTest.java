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
