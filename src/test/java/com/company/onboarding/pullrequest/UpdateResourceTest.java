package com.company.onboarding.pullrequest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.api.Problem;
import com.company.onboarding.change.LineDiff;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /services/{name}} on the embedded default (provider local): the update branch in the
 * embedded platform-next, its one-line commit, idempotency, the 409, unchanged entries, the 4xx
 * that never reach git, and concurrent requests. Each test works on its own service, so the
 * order of tests does not matter; the base branch is never moved here (other tests' golden
 * files name its commit).
 */
@QuarkusTest
class UpdateResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OnboardingConfig config;

    private static ObjectNode entry(String service) throws Exception {
        return (ObjectNode) JSON.readTree(given().when().get("/services/" + service).then().statusCode(200)
                .extract().asString());
    }

    private static String request(ObjectNode entry) {
        return "{\"entry\": " + entry + ", \"requestedBy\": \"alice@company.com\"}";
    }

    private static Response put(String service, ObjectNode entry) {
        return given().contentType("application/json").body(request(entry)).when().put("/services/" + service);
    }

    private BareRepo platform() {
        return BareRepo.open(config.dataDir().resolve("repos/platform-next.git"));
    }

    @Test
    void aRefBumpOpensOneBranchWithAOneLineCommitThenAnswersItAgainAndRefusesAnotherEntry() throws Exception {
        ObjectNode bumped = entry("account-service");
        Entries.set(bumped, "/monitoring/customMetrics/repository/ref", "v1.3.0");

        String commit = put("account-service", bumped).then()
                .statusCode(201)
                .body("provider", equalTo("local"))
                .body("status", equalTo("created"))
                .body("branch", equalTo("update/account-service"))
                .body("commit", matchesPattern("[0-9a-f]{40}"))
                .extract().path("commit");
        put("account-service", bumped).then()
                .statusCode(200)
                .body("status", equalTo("existing"))
                .body("commit", equalTo(commit));

        try (BareRepo platform = platform()) {
            assertEquals(commit, platform.head("update/account-service"));
            String base = platform.read("main", Fixtures.SERVICES_PATH);
            String updated = platform.read("update/account-service", Fixtures.SERVICES_PATH);
            String diff = LineDiff.unified("a", "b", base, updated);
            assertEquals(List.of("-          ref: v1.2.0  # Pin to version", "+          ref: v1.3.0  # Pin to version"),
                    diff.lines().filter(l -> l.matches("[-+][^-+].*")).toList(), diff);
            try (RevWalk walk = new RevWalk(platform.repository())) {
                RevCommit pushed = walk.parseCommit(ObjectId.fromString(commit));
                assertEquals(platform.head("main"), pushed.getParent(0).name(), "one commit on the base");
                assertEquals("Update account-service: metrics-catalog ref v1.2.0 -> v1.3.0", pushed.getShortMessage());
                Map<String, String> trailers = new TreeMap<>();
                for (FooterLine footer : pushed.getFooterLines()) {
                    trailers.put(footer.getKey(), footer.getValue());
                }
                assertEquals(Map.of("Requested-by", "alice@company.com", "Updated-by", "anonymous"), trailers);
            }
        }

        ObjectNode other = entry("account-service");
        Entries.set(other, "/size", "large");
        put("account-service", other).then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("pull-request.conflict"))
                .body("branch", equalTo("update/account-service"));
        try (BareRepo platform = platform()) {
            assertEquals(commit, platform.head("update/account-service"), "the open update is not touched");
        }
    }

    @Test
    void anEntryEqualToTheBaseOneIsUnchangedAndOpensNothing() throws Exception {
        ObjectNode same = entry("ledger-reconciliation");
        put("ledger-reconciliation", same).then()
                .statusCode(200)
                .body("status", equalTo("unchanged"))
                .body("size()", equalTo(1));
        // The same entry as YAML, keys in another order: still the same entry.
        String yaml = """
                entry:
                  archetype: job
                  name: ledger-reconciliation
                  size: small
                  regions: [euw1]
                  enabledIn: [int, prod]
                  costProfile: standard-job-cost
                  cost: {businessUnit: core-banking, costCenter: COR-B, costOwner: ledger@company.com}
                  monitoringProfile: batch-job-observability
                  monitoring:
                    dynatrace: true
                """;
        given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .when().put("/services/ledger-reconciliation").then()
                .statusCode(200)
                .body("status", equalTo("unchanged"));
        try (BareRepo platform = platform()) {
            assertNull(platform.head("update/ledger-reconciliation"));
        }
    }

    @Test
    void mistakesAreAnsweredBeforeGitIsTouched() throws Exception {
        ObjectNode ledger = entry("ledger-reconciliation");
        put("notification-listener", ledger).then()
                .statusCode(400)
                .body("code", equalTo("entry.name.mismatch"));
        ObjectNode unknown = ledger.deepCopy();
        Entries.set(unknown, "/name", "no-such-service");
        put("no-such-service", unknown).then()
                .statusCode(404)
                .body("code", equalTo("service.not-found"));
        ObjectNode invalid = ledger.deepCopy();
        Entries.set(invalid, "/regions/0", "euw9");
        put("ledger-reconciliation", invalid).then()
                .statusCode(422)
                .body("errors.code", contains("region.unknown"))
                .body("errors[0].pointer", equalTo("/regions/0"));
        given().contentType("application/json").body("{\"requestedBy\": 5}").when().put("/services/ledger-reconciliation")
                .then().statusCode(422)
                .body("errors.pointer", contains("/entry", "/requestedBy"));
        try (BareRepo platform = platform()) {
            assertEquals(List.of(), platform.repository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS + "update/")
                    .stream().map(r -> r.getName()).filter(n -> !n.endsWith("/account-service")
                            && !n.endsWith("/notification-listener")).toList());
        }
    }

    @Test
    void eightConcurrentUpdatesOfOneServiceMakeOneBranch() throws Exception {
        ObjectNode changed = entry("notification-listener");
        Entries.set(changed, "/size", "medium");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> responses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return put("notification-listener", changed);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 201), statuses,
                responses.stream().map(Response::asString).toList().toString());
        assertEquals(1, responses.stream().map(r -> r.path("commit")).distinct().count(), "one commit");
        try (BareRepo platform = platform()) {
            assertTrue(platform.read("update/notification-listener", Fixtures.SERVICES_PATH)
                    .contains("  - name: notification-listener\n    archetype: listener\n    size: medium\n"));
        }
    }
}
