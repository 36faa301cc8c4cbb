package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi/openapi.yaml} is the published contract: it must equal what the service serves.
 * After an intended API change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path PUBLISHED = Path.of("openapi", "openapi.yaml");

    @Test
    void publishedContractEqualsWhatTheServiceServes() throws Exception {
        String served = given().accept("application/yaml").when().get("/q/openapi").then()
                .statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(PUBLISHED, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(PUBLISHED), "openapi/openapi.yaml is missing; regenerate it (see this test's Javadoc)");
        assertEquals(Files.readString(PUBLISHED, StandardCharsets.UTF_8), served,
                "openapi/openapi.yaml differs from /q/openapi; regenerate it (see this test's Javadoc)");
    }

    @Test
    void everyOperationIsDocumentedAndErrorsUseTheProblemSchema() throws Exception {
        String served = given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(served);
        assertTrue(tree.path("info").path("title").asText().length() > 0);
        assertTrue(tree.path("info").path("description").asText().length() > 0);
        assertTrue(tree.path("tags").size() > 0);
        tree.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            assertTrue(op.getValue().path("summary").asText().length() > 0, where + " has no summary");
            assertTrue(op.getValue().path("description").asText().length() > 0, where + " has no description");
            assertTrue(op.getValue().path("tags").size() > 0, where + " has no tag");
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                boolean bare = OpenApiProblems.BARE.contains(response.getKey()); // the HTTP server's own, no body
                if ((response.getKey().startsWith("4") || response.getKey().startsWith("5")) && !bare) {
                    assertEquals("#/components/schemas/Problem", response.getValue().path("content")
                            .path(Problem.MEDIA_TYPE).path("schema").path("$ref").asText(),
                            where + " " + response.getKey() + " does not use the problem schema");
                }
            });
        }));
    }
}
