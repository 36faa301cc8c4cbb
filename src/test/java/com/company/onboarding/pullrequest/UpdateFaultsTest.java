package com.company.onboarding.pullrequest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.EmbeddedPlatformNextOverHttp;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.SmartHttpGitServer;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /services/{name}} with the {@code local} provider when platform-next misbehaves
 * (served over smart HTTP): a push the remote rejects every time, and a remote that is down, are
 * 503 with {@code Retry-After} and leave no branch; once the remote behaves, the same request
 * succeeds.
 */
@QuarkusTest
@WithTestResource(EmbeddedPlatformNextOverHttp.class)
class UpdateFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRepo
    SmartHttpGitServer git;
    @InjectRepo
    Path repository;

    private static String request(String service, String pointer, String value) throws Exception {
        ObjectNode entry = (ObjectNode) JSON.readTree(given().get("/services/" + service).then().statusCode(200)
                .extract().asString());
        Entries.set(entry, pointer, value);
        return "{\"entry\": " + entry + "}";
    }

    private String head(String branch) {
        try (BareRepo platform = BareRepo.open(repository)) {
            return platform.head(branch);
        }
    }

    @Test
    void aPushTheRemoteRejectsEveryTimeIsA503ThenTheSameRequestSucceeds() throws Exception {
        String body = request("account-service", "/monitoring/customMetrics/repository/ref", "v1.3.0");
        git.refusePushes("update/* is protected");
        try {
            given().contentType("application/json").body(body).put("/services/account-service").then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("platform-next.push-rejected"));
        } finally {
            git.refusePushes(null);
        }
        assertNull(head("update/account-service"), "nothing pushed");

        String commit = given().contentType("application/json").body(body).put("/services/account-service").then()
                .statusCode(201)
                .body("status", equalTo("created"))
                .extract().path("commit");
        assertEquals(commit, head("update/account-service"));
    }

    @Test
    void aRemoteThatIsDownIsA503ThenTheSameRequestSucceeds() throws Exception {
        String body = request("ledger-reconciliation", "/size", "medium");
        git.stop();
        try {
            given().contentType("application/json").body(body).put("/services/ledger-reconciliation").then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("platform-next.unavailable"));
        } finally {
            git.start();
        }
        assertNull(head("update/ledger-reconciliation"), "nothing pushed");
        given().contentType("application/json").body(body).put("/services/ledger-reconciliation").then()
                .statusCode(201);
    }
}
