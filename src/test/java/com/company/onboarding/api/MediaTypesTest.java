package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.RawHttp;
import com.company.onboarding.validation.Entries;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One negotiation rule for every resource ({@link Negotiation}): a type of weight 0 is not
 * acceptable; YAML's aliases are YAML wherever a media type is read ({@link MediaTypeHeaders});
 * every JSON or YAML answer says {@code ;charset=UTF-8} the same way.
 */
@QuarkusTest
class MediaTypesTest {

    private static final byte[] ENTRY_YAML = Entries.paymentProcessorYaml().getBytes(StandardCharsets.UTF_8);

    /** Every operation of the contract, asked for JSON with weight 0 (and for nothing at all): 406. */
    @TestFactory
    Stream<DynamicTest> aTypeOfWeightZeroIsNotAcceptableOnAnyOperation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Contract.Operation operation : Contract.published().operations()) {
            for (String accept : new String[] {"application/json;q=0", "*/*;q=0", "application/*;q=0"}) {
                tests.add(DynamicTest.dynamicTest(operation + " Accept: " + accept, () -> {
                    Response response = send(operation, accept);
                    response.then().statusCode(406)
                            .contentType(Problem.MEDIA_TYPE)
                            .body("code", equalTo("request.not-acceptable"));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theMostSpecificRangeDecidesAndZeroOnlyExcludesWhatItNames() {
        for (String accept : new String[] {"application/json, */*;q=0", "application/*;q=0, application/json",
                "text/html;q=0.9, */*;q=0.1", "application/yaml;q=0, */*", "application/json;q=0.001"}) {
            given().accept(accept).get("/profiles").then().statusCode(200)
                    .contentType("application/json;charset=UTF-8");
        }
        // The preview answers either form: the heavier one wins, the first produced on a tie.
        assertEquals("application/yaml;charset=UTF-8", preview("application/json;q=0, application/yaml").getContentType());
        assertEquals("application/yaml;charset=UTF-8", preview("application/json;q=0.5, application/yaml;q=0.6").getContentType());
        assertEquals("application/json;charset=UTF-8", preview("application/yaml, application/json").getContentType());
        assertEquals("application/json;charset=UTF-8", preview("application/yaml;q=0, */*").getContentType());
        assertEquals(406, preview("application/yaml;q=0").statusCode());
    }

    @Test
    void yamlsAliasesAreYamlInContentTypeAndAccept() {
        String expected = given().contentType("application/yaml").body(ENTRY_YAML).post("/services/validate").then()
                .statusCode(200).body("valid", equalTo(true)).extract().asString();
        for (String alias : RequestBodies.YAML_ALIASES) {
            assertEquals(expected, given().contentType(alias + "; charset=UTF-8").body(ENTRY_YAML).post("/services/validate")
                    .then().statusCode(200).extract().asString(), alias);
            given().contentType(alias).accept(alias).body(ENTRY_YAML).post("/services/preview").then()
                    .statusCode(200)
                    .contentType("application/yaml;charset=UTF-8")
                    .body(startsWith("apiVersion: v1"));
        }
    }

    @Test
    void everyJsonAndYamlAnswerNamesUtf8TheSameWay() {
        List<String> types = new ArrayList<>();
        types.add(given().get("/profiles").then().statusCode(200).extract().contentType());
        types.add(given().get("/profiles/no-such-profile").then().statusCode(404).extract().contentType());
        types.add(given().delete("/profiles").then().statusCode(405).extract().contentType());
        types.add(given().get("/no/such/path").then().statusCode(404).extract().contentType());
        types.add(preview("application/yaml").then().statusCode(200).extract().contentType());
        types.add(preview("application/json").then().statusCode(200).extract().contentType());
        types.add(given().get("/q/health").then().statusCode(200).extract().contentType());
        types.add(given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().contentType());
        types.add(given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().contentType());
        // Answered outside the REST layer: the body limit's 413.
        RawHttp.Answer tooLarge = RawHttp.exchange("POST /services/validate HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + 30 * 1024 * 1024, new byte[0]);
        assertEquals(413, tooLarge.status());
        types.add(tooLarge.header("content-type"));
        for (String type : types) {
            assertTrue(type.matches("application/(json|problem\\+json|yaml);charset=UTF-8"), type);
        }
    }

    private static Response preview(String accept) {
        return given().contentType("application/yaml").accept(accept).body(ENTRY_YAML).post("/services/preview");
    }

    private static Response send(Contract.Operation operation, String accept) {
        var request = given().accept(accept);
        if (operation.hasBody()) {
            request.contentType("application/json").body("{}");
        }
        return request.request(operation.method(), operation.samplePath());
    }
}
