package com.company.onboarding.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.GitHubWithSecrets;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.SmartHttpGitServer;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /services/{name}} with the {@code github} provider (WireMock playing GitHub
 * Enterprise) and platform-next over smart HTTP with a push token, bearer access on: the pull
 * request and its body, the onboarder role, a PR host that is down (503, the pushed branch's
 * pull request opened by the retry), a push the remote rejects (503, nothing pushed, no pull
 * request), and a base branch that moves while the commit is written (read again, based on the
 * new head). Each test changes its own service.
 */
@QuarkusTest
@WithTestResource(GitHubWithSecrets.class)
class UpdateGitHubTest {

    private static final String PULLS = "/api/v3/repos/company/platform-next/pulls";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRepo
    WireMockServer github;
    @InjectRepo
    GitHubWithSecrets.Paths paths;
    @InjectRepo
    SmartHttpGitServer git;
    @Inject
    UpdateService updates;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static ObjectNode entry(String service) throws Exception {
        return (ObjectNode) JSON.readTree(as(GitHubWithSecrets.READER_TOKEN).get("/services/" + service).then()
                .statusCode(200).extract().asString());
    }

    private static String request(ObjectNode entry) {
        return "{\"entry\": " + entry + ", \"requestedBy\": \"bob@company.com\", \"draft\": true}";
    }

    /** Both tests on ledger-reconciliation start as if an earlier update had been merged and its branch deleted. */
    private void withoutBranch(String branch) throws Exception {
        try (BareRepo platform = BareRepo.open(paths.platformNext())) {
            org.eclipse.jgit.lib.RefUpdate delete = platform.repository().updateRef("refs/heads/" + branch);
            delete.setForceUpdate(true);
            delete.delete();
        }
    }

    private void githubAnswers(int createStatus) {
        github.resetAll();
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(createStatus == 201
                ? aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"number\": 77, \"html_url\": \"https://github.com/company/platform-next/pull/77\"}")
                : aResponse().withStatus(createStatus).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Server Error\"}")));
    }

    @Test
    void aReaderMayDiffButOnlyAnOnboarderOpensTheUpdateWhosePullRequestSummarisesTheDiff() throws Exception {
        githubAnswers(201);
        ObjectNode bumped = entry("account-service");
        Entries.set(bumped, "/monitoring/customMetrics/repository/ref", "v1.3.0");
        as(GitHubWithSecrets.READER_TOKEN).contentType("application/json").body(bumped.toString())
                .post("/services/account-service/diff").then().statusCode(200).body("status", equalTo("changed"));
        as(GitHubWithSecrets.READER_TOKEN).contentType("application/json").body(request(bumped))
                .put("/services/account-service").then().statusCode(403).body("code", equalTo("access.forbidden"));

        as(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json").body(request(bumped))
                .put("/services/account-service").then()
                .statusCode(201)
                .body("provider", equalTo("github"))
                .body("number", equalTo(77))
                .body("url", equalTo("https://github.com/company/platform-next/pull/77"))
                .body("branch", equalTo("update/account-service"));
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        JsonNode sent = JSON.readTree(github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertEquals("Update account-service: metrics-catalog ref v1.2.0 -> v1.3.0", sent.path("title").asText());
        assertEquals("update/account-service", sent.path("head").asText());
        assertEquals(true, sent.path("draft").asBoolean());
        String body = sent.path("body").asText();
        assertTrue(body.contains("- `/monitoring/customMetrics/repository/ref` changed: `v1.2.0` -> `v1.3.0`"), body);
        assertTrue(body.contains("| int | stable | euw1 | changed |  |  |  | 2 |"), body);
        assertTrue(body.contains("metrics-catalog: ref `v1.2.0` -> `v1.3.0` at commit `"), body);
        assertTrue(body.contains(" for `bob@company.com` (caller `backstage-scaffolder`)"), body);
    }

    @Test
    void aPullRequestHostThatIsDownIsA503AndTheRetryOpensThePullRequestOfThePushedBranch() throws Exception {
        githubAnswers(502);
        ObjectNode changed = entry("notification-listener");
        Entries.set(changed, "/size", "medium");
        as(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json").body(request(changed))
                .put("/services/notification-listener").then()
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("pull-request.unavailable"));
        String pushed;
        try (BareRepo platform = BareRepo.open(paths.platformNext())) {
            pushed = platform.head("update/notification-listener");
            assertNotNull(pushed, "the branch is complete before the pull request is asked for");
            assertTrue(platform.read("update/notification-listener", Fixtures.SERVICES_PATH)
                    .contains("  - name: notification-listener\n    archetype: listener\n    size: medium\n"));
        }

        githubAnswers(201);
        as(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json").body(request(changed))
                .put("/services/notification-listener").then()
                .statusCode(201)
                .body("number", equalTo(77))
                .body("commit", equalTo(pushed));
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void aPushTheRemoteRejectsIsA503AndLeavesNoBranchAndNoPullRequest() throws Exception {
        githubAnswers(201);
        withoutBranch("update/ledger-reconciliation");
        ObjectNode changed = entry("ledger-reconciliation");
        Entries.set(changed, "/size", "large");
        git.refusePushes("update/* is protected");
        try {
            as(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json").body(request(changed))
                    .put("/services/ledger-reconciliation").then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("platform-next.push-rejected"));
        } finally {
            git.refusePushes(null);
        }
        try (BareRepo platform = BareRepo.open(paths.platformNext())) {
            assertNull(platform.head("update/ledger-reconciliation"));
        }
        github.verify(0, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void aBaseThatMovesBeforeThePushIsReadAgainAndTheUpdateMadeOnTheNewBase() throws Exception {
        githubAnswers(201);
        withoutBranch("update/ledger-reconciliation");
        ObjectNode changed = entry("ledger-reconciliation");
        Entries.set(changed, "/regions", "[euw1, euw2]");
        AtomicBoolean once = new AtomicBoolean();
        updates.beforePush(() -> {
            if (once.compareAndSet(false, true)) {
                try (BareRepo platform = BareRepo.open(paths.platformNext())) {
                    platform.commit("main", "someone else's change", Map.of("README.md", "moved\n"));
                }
            }
        });
        try {
            String commit = as(GitHubWithSecrets.ONBOARDER_TOKEN).contentType("application/json").body(request(changed))
                    .put("/services/ledger-reconciliation").then()
                    .statusCode(201)
                    .extract().path("commit");
            assertTrue(once.get(), "the base moved during the request");
            try (BareRepo platform = BareRepo.open(paths.platformNext()); RevWalk walk = new RevWalk(platform.repository())) {
                assertEquals(platform.head("main"), walk.parseCommit(ObjectId.fromString(commit)).getParent(0).name(),
                        "based on the moved base");
                assertEquals("moved\n", platform.read("update/ledger-reconciliation", "README.md"));
            }
        } finally {
            updates.beforePush(() -> { });
        }
    }
}
