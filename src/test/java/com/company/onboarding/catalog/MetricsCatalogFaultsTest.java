package com.company.onboarding.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.api.Problem;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.testing.CatalogFixture;
import com.company.onboarding.testing.FaultyMetricsCatalog;
import com.company.onboarding.testing.FetchFaults;
import com.company.onboarding.testing.InjectRepo;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's remote failing in the middle of a fetch (docs/spec.md#reliability-and-security): stalled past the git
 * timeout, or killed. The request gets a 503 with Retry-After; nothing half-fetched is kept, so
 * the retry once the remote is healthy serves the right commit; the rest of the service answers
 * meanwhile; and a burst beyond the configured concurrency is refused at once rather than
 * holding a worker thread each.
 */
@QuarkusTest
@WithTestResource(FaultyMetricsCatalog.class)
class MetricsCatalogFaultsTest {

    @InjectRepo
    CatalogFixture catalog;
    @InjectRepo
    FetchFaults faults;
    @Inject
    OnboardingConfig config;
    @Inject
    MeterRegistry meters;

    @AfterEach
    void heal() {
        faults.heal();
    }

    @Test
    void aFetchStalledPastTheGitTimeoutIsA503WhileOtherRequestsAreAnsweredAndTheRetrySucceeds() throws Exception {
        String commit = tagged("stalled");
        faults.stallAfter(100);

        CompletableFuture<Response> stalled = CompletableFuture.supplyAsync(() -> given().get("/metrics-catalog/refs/stalled"));
        faults.awaitStalled(1);
        given().get("/profiles").then().statusCode(200);
        given().get("/services").then().statusCode(200);
        assertFalse(stalled.isDone(), "the other requests were answered while the fetch was stalled");

        Response answer = stalled.get();
        answer.then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "10")
                .body("code", equalTo("metrics-catalog.unavailable"));
        assertNothingHalfFetchedKept(commit);

        faults.heal();
        given().get("/metrics-catalog/refs/stalled").then().statusCode(200).body("commit", equalTo(commit));
    }

    @Test
    void aRemoteKilledMidFetchIsA503AndNothingOfThatFetchIsTrustedLater() throws IOException {
        String commit = tagged("killed");
        faults.dropAfter(100);

        given().get("/metrics-catalog/refs/killed").then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "10")
                .body("code", equalTo("metrics-catalog.unavailable"));
        assertTrue(faults.broken() > 0, "the fetch reached the faulty server");
        assertNothingHalfFetchedKept(commit);

        faults.heal();
        given().get("/metrics-catalog/refs/killed").then().statusCode(200).body("commit", equalTo(commit));
    }

    @Test
    void aBurstBeyondTheWaitingLimitIsRefusedAtOnceAndTheQueuedRequestsFinish() throws Exception {
        given().get("/metrics-catalog/refs/v1.0.0").then().statusCode(200); // stored before the burst
        List<String> commits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            commits.add(tagged("burst-" + i));
        }
        faults.stallAfter(100);

        // The first takes the only fetch slot and stalls; the second waits for the slot.
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> given().get("/metrics-catalog/refs/burst-0"));
        faults.awaitStalled(1);
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> given().get("/metrics-catalog/refs/burst-1"));
        awaitWaiting(FaultyMetricsCatalog.MAX_WAITING_REQUESTS);

        for (int i = 2; i < 6; i++) {
            given().get("/metrics-catalog/refs/burst-" + i).then().statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "10")
                    .body("code", equalTo("metrics-catalog.busy"));
        }
        // What needs no fetch is not held up: a stored commit, platform-next.
        given().get("/metrics-catalog/refs/v1.0.0").then().statusCode(200);
        given().get("/profiles").then().statusCode(200);
        assertFalse(first.isDone() || second.isDone());

        faults.heal();
        first.get().then().statusCode(200).body("commit", equalTo(commits.get(0)));
        second.get().then().statusCode(200).body("commit", equalTo(commits.get(1)));
        assertEquals(0, waiting());
        // Refused requests left nothing behind: asked again, they are fetched.
        given().get("/metrics-catalog/refs/burst-2").then().statusCode(200).body("commit", equalTo(commits.get(2)));
    }

    private String tagged(String tag) {
        String commit = catalog.commitOn("branch-" + tag, "services/" + tag + "/metrics.yaml", tag.replace('-', '_') + "_total");
        catalog.repo().tag(tag, commit, false);
        return commit;
    }

    private void assertNothingHalfFetchedKept(String commit) throws IOException {
        Path store = config.dataDir().resolve("cache/metrics-catalog");
        assertFalse(Files.exists(store.resolve("commits/" + commit + ".git")), "a failed fetch was stored");
        try (Stream<Path> leftovers = Files.list(store.resolve("tmp"))) {
            assertEquals(List.of(), leftovers.toList(), "a failed fetch left its temporary directory");
        }
    }

    private double waiting() {
        return meters.get("onboarding.catalog.remote.waiting").gauge().value();
    }

    private void awaitWaiting(int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting() >= count);
        assertEquals(count, (int) waiting(), "requests waiting for the catalog");
    }
}
