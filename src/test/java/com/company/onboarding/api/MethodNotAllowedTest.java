package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A 405 says which methods the path takes (RFC 9110 requires {@code Allow}): for every path of
 * the contract, every method it does not take is a 405 problem whose {@code Allow} lists exactly
 * the methods the contract gives that path, and each of those is indeed not a 405.
 */
@QuarkusTest
class MethodNotAllowedTest {

    @TestFactory
    Stream<DynamicTest> everyWrongMethodOnEveryPathNamesTheRightOnes() {
        Contract contract = Contract.published();
        Set<String> paths = new LinkedHashSet<>();
        contract.operations().forEach(op -> paths.add(op.samplePath()));
        paths.add("/metrics-catalog/refs/feature/with-slash");
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : paths) {
            Set<String> allowed = contract.allowed(path);
            for (String method : Contract.METHODS) {
                if (allowed.contains(method)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(method + " " + path, () -> {
                    Response response = given().request(method, path);
                    response.then().statusCode(405)
                            .contentType(Problem.MEDIA_TYPE)
                            .body("code", equalTo("request.method-not-allowed"))
                            .body("status", equalTo(405));
                    assertEquals(String.join(", ", allowed), response.header("Allow"), method + " " + path);
                }));
            }
        }
        assertTrue(tests.size() >= 20, "the contract has paths to check: " + tests.size());
        return tests.stream();
    }

    @Test
    void optionsListsTheSameMethodsAsA405() {
        String fromOptions = given().options("/profiles").then().statusCode(200).extract().header("Allow");
        String from405 = given().delete("/profiles").then().statusCode(405).extract().header("Allow");
        assertEquals(Set.of(fromOptions.split(",\\s*")), Set.of(from405.split(",\\s*")));
    }
}
