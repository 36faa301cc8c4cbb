package com.company.onboarding.catalog;

import com.company.onboarding.catalogdata.CatalogFile;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.CatalogFixture;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.MovableClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /metrics-catalog/refs/{ref}} and the catalog cache promise, whatever transport
 * serves the catalog. Subclasses run it against {@code file://} and smart HTTP; their test
 * resources set a branch TTL of 5 s, a stale grace of 1 h and a disk bound of 2 commits.
 * Every test asks for refs of its own, so the tests do not depend on each other's order.
 */
abstract class CatalogContract {

    /** The branch TTL the test resources configure: long enough that a loaded machine stays inside it. */
    static final long TTL_MILLIS = 5_000;

    @InjectRepo
    CatalogFixture catalog;

    @Inject
    MeterRegistry meters;
    @Inject
    MetricsCatalog metricsCatalog;
    @Inject
    CatalogCommits commits;
    @Inject
    MovableClock clock;

    /** Which transport serves the catalog, e.g. "file" (the cold tag of each transport is its own). */
    abstract String transport();

    @Test
    void aTagResolvesToItsCommitWithTheCatalogsProfilesAndServices() {
        given().when().get("/metrics-catalog/refs/v1.0.0").then()
                .statusCode(200)
                .body("ref", equalTo("v1.0.0"))
                .body("kind", equalTo("tag"))
                .body("commit", equalTo(catalog.commit("v1")))
                .body("profiles", contains("payment-business-metrics"))
                .body("services", contains("payment-processor"))
                .body("warnings", empty());
    }

    @Test
    void anAnnotatedTagResolvesToTheCommitAndAnUnreadableFileIsAWarning() {
        given().when().get("/metrics-catalog/refs/v2.0.0").then()
                .statusCode(200)
                .body("kind", equalTo("tag"))
                .body("commit", equalTo(catalog.commit("v2")))
                .body("profiles", contains("payment-business-metrics", "payment-revenue-metrics"))
                .body("services", contains("account-service", "broken", "payment-processor"))
                .body("warnings", hasSize(1))
                .body("warnings[0].code", equalTo("catalog.file.invalid"))
                .body("warnings[0].severity", equalTo("warning"))
                .body("warnings[0].source", equalTo(CatalogFixture.BAD_FILE + "@v2.0.0"))
                .body("warnings[0].message", containsString("line 2, column"));
        CatalogSnapshot snapshot = metricsCatalog.at("v2.0.0");
        assertEquals(List.of("services/account-service/account.yml"),
                snapshot.serviceFiles("account-service").stream().map(CatalogFile::path).toList());
        assertEquals("payment_transactions_total",
                snapshot.serviceFiles("payment-processor").get(0).customMetrics().get(0).path("name").asText(),
                "kustomization.yaml has no metrics key and is skipped");
        assertEquals(1, snapshot.serviceFiles("payment-processor").size());
    }

    @Test
    void aBranchWithASlashResolves() {
        given().when().get("/metrics-catalog/refs/feature/new-metrics").then()
                .statusCode(200)
                .body("ref", equalTo("feature/new-metrics"))
                .body("kind", equalTo("branch"))
                .body("commit", equalTo(catalog.commit("feature")))
                .body("services", contains("feature-service"));
    }

    @Test
    void aCommitIdIsItselfEvenWhenNoRefPointsAtIt() {
        String initial = catalog.commit("initial");
        given().when().get("/metrics-catalog/refs/" + initial.toUpperCase(Locale.ROOT)).then()
                .statusCode(200)
                .body("ref", equalTo(initial))
                .body("kind", equalTo("commit"))
                .body("commit", equalTo(initial))
                .body("profiles", empty())
                .body("services", contains("payment-processor"));
        // A commit that a tag points at is fetched shallow through the tag.
        given().when().get("/metrics-catalog/refs/" + catalog.commit("v1")).then()
                .statusCode(200)
                .body("kind", equalTo("commit"))
                .body("profiles", contains("payment-business-metrics"));
    }

    @Test
    void theDefaultBranchIsTheRemotesHead() {
        assertEquals("main", metricsCatalog.defaultBranch());
        CatalogSnapshot snapshot = metricsCatalog.atDefaultBranch();
        assertEquals("main", snapshot.ref());
        assertEquals(RefKind.BRANCH, snapshot.kind());
        assertEquals(catalog.resolve("refs/heads/main"), snapshot.commit());
    }

    @Test
    void unknownRefsAre404() {
        given().when().get("/metrics-catalog/refs/v9.9.9").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("catalog.ref.not-found"));
        given().when().get("/metrics-catalog/refs/" + "0123456789".repeat(4)).then()
                .statusCode(404)
                .body("code", equalTo("catalog.ref.not-found"));
    }

    @Test
    void malformedRefsAre400AndNeverReachGit() {
        double listings = counter("onboarding.git.ls-remote");
        double fetches = counter("onboarding.git.fetches");
        List<String> malformed = List.of("-upload-pack=evil", "v1..v2", "a%01b", "line%0Abreak", "del%7F",
                "a".repeat(201), "feature%2F%2Fx", "feature%2F", "feature/x.lock", "feature/.hidden", "tag.", "with%20space", "x~1", "x%5E");
        for (String ref : malformed) {
            var response = given().urlEncodingEnabled(false).when().get("/metrics-catalog/refs/" + ref);
            assertEquals(400, response.statusCode(), ref + ": " + response.asString());
            response.then()
                    .contentType(Problem.MEDIA_TYPE)
                    .body("code", equalTo("catalog.ref.invalid"))
                    .body("detail", not(containsString("evil")));
        }
        assertEquals(listings, counter("onboarding.git.ls-remote"), "a malformed ref must not list the remote's refs");
        assertEquals(fetches, counter("onboarding.git.fetches"), "a malformed ref must not fetch");
    }

    @Test
    void aMovedBranchIsSeenAfterItsTtlAndNotBefore() throws Exception {
        String first = catalog.commit("moving");
        given().when().get("/metrics-catalog/refs/branch-moving").then()
                .statusCode(200).body("commit", equalTo(first)).body("kind", equalTo("branch"));
        String second = catalog.commitOn("branch-moving", "services/moving/more.yaml", "moved_total");
        double listings = counter("onboarding.git.ls-remote");
        for (int i = 0; i < 5; i++) {
            given().when().get("/metrics-catalog/refs/branch-moving").then().statusCode(200).body("commit", equalTo(first));
        }
        assertEquals(listings, counter("onboarding.git.ls-remote"), "within the TTL the remote is not asked");
        clock.advance(Duration.ofMillis(TTL_MILLIS + 200));
        given().when().get("/metrics-catalog/refs/branch-moving").then()
                .statusCode(200).body("commit", equalTo(second)).body("warnings", empty());
    }

    @Test
    void twentyConcurrentRequestsForAColdTagMakeOneFetch() throws Exception {
        String tag = "cold-" + transport();
        double fetches = counter("onboarding.git.fetches");
        double listings = counter("onboarding.git.ls-remote");
        double misses = commits.misses().count();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().when().get("/metrics-catalog/refs/" + tag).then()
                            .statusCode(200).extract().path("commit");
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertEquals(catalog.commit(tag), answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(fetches + 1, counter("onboarding.git.fetches"), "one fetch for twenty requests");
        assertEquals(listings + 1, counter("onboarding.git.ls-remote"), "one ref listing for twenty requests");
        assertEquals(misses + 1, commits.misses().count(), "one parse for twenty requests");
    }

    @Test
    void evictionUnderABoundOfTwoSparesTheCommitAReaderHolds() throws Exception {
        ObjectId a = ObjectId.fromString(catalog.commit("evict-a"));
        ObjectId b = ObjectId.fromString(catalog.commit("evict-b"));
        ObjectId c = ObjectId.fromString(catalog.commit("evict-c"));
        ObjectId d = ObjectId.fromString(catalog.commit("evict-d"));
        CommitStore store = commits.store();
        given().when().get("/metrics-catalog/refs/evict-a").then().statusCode(200);
        try (CommitStore.Lease reader = store.leaseIfPresent(a).orElseThrow()) {
            given().when().get("/metrics-catalog/refs/evict-b").then().statusCode(200);
            given().when().get("/metrics-catalog/refs/evict-c").then().statusCode(200);
            assertTrue(store.contains(a), "the commit a reader holds stays");
            assertFalse(store.contains(b), "the least recently used free commit goes");
            assertTrue(store.contains(c));
            assertEquals(2, store.size());
            assertEquals(2.0, meters.get("onboarding.catalog.disk.entries").gauge().value());
            // The held commit is still whole on disk.
            CatalogSnapshot read = new CatalogReader().read(reader.repository(), a);
            assertEquals(List.of("evict-a"), read.services());
        }
        given().when().get("/metrics-catalog/refs/evict-d").then().statusCode(200);
        assertEquals(List.of(c, d), store.commits(), "once released, the held commit is evicted like any other");
        // Evicted from disk is not evicted from memory: no new fetch to serve it.
        double fetches = counter("onboarding.git.fetches");
        given().when().get("/metrics-catalog/refs/evict-b").then().statusCode(200).body("services", contains("evict-b"));
        assertEquals(fetches, counter("onboarding.git.fetches"));
    }

    @Test
    void anUnreachableRemoteIs503WithRetryAfterAndAnExpiredBranchIsServedStale() throws Exception {
        given().when().get("/metrics-catalog/refs/main").then().statusCode(200)
                .body("warnings.code", not(hasItem("catalog.stale")));
        String main = catalog.resolve("refs/heads/main");
        String pinned = catalog.commit("v2");
        given().when().get("/metrics-catalog/refs/" + pinned).then().statusCode(200);
        catalog.takeDown();
        try {
            given().when().get("/metrics-catalog/refs/outage").then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "10")
                    .body("code", equalTo("metrics-catalog.unavailable"))
                    .body(not(containsString("127.0.0.1")))
                    .body(not(containsString("test-data")))
                    .body(not(containsString("Exception")));
            clock.advance(Duration.ofMillis(TTL_MILLIS + 200)); // past the branch TTL, well inside the grace period
            given().when().get("/metrics-catalog/refs/main").then()
                    .statusCode(200)
                    .body("kind", equalTo("branch"))
                    .body("commit", equalTo(main))
                    .body("warnings.code", hasItem("catalog.stale"))
                    .body("warnings.find { it.code == 'catalog.stale' }.severity", equalTo("warning"));
            // A commit id needs no remote once it is cached.
            given().when().get("/metrics-catalog/refs/" + pinned).then().statusCode(200)
                    .body("warnings.code", not(hasItem("catalog.stale")));
        } finally {
            catalog.bringUp();
        }
        given().when().get("/metrics-catalog/refs/main").then().statusCode(200)
                .body("warnings.code", not(hasItem("catalog.stale")));
        given().when().get("/metrics-catalog/refs/outage").then().statusCode(200)
                .body("commit", equalTo(catalog.commit("outage")));
        assertTrue(meters.get("onboarding.catalog.stale").counter().count() >= 1);
    }

    @Test
    void theCacheIsMeasuredOnQMetrics() {
        given().when().get("/metrics-catalog/refs/v1.0.0").then().statusCode(200);
        given().when().get("/metrics-catalog/refs/v1.0.0").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("onboarding_catalog_cache_hits_total", "onboarding_catalog_cache_misses_total",
                "onboarding_catalog_disk_entries", "onboarding_catalog_disk_bytes",
                "onboarding_git_fetches_total{repository=\"metrics-catalog\"}",
                "onboarding_git_fetch_duration_seconds_count{repository=\"metrics-catalog\"}")) {
            assertTrue(metrics.contains(name), name + " is not on /q/metrics");
        }
        assertTrue(meters.get("onboarding.catalog.cache.hits").functionCounter().count() >= 1);
        assertTrue(meters.get("onboarding.catalog.disk.bytes").gauge().value() > 0);
    }

    @Test
    void onlyTheConfiguredCatalogUrlIsAccepted() {
        for (String same : List.of("https://github.com/company/metrics-catalog", "https://github.com/company/metrics-catalog/",
                "https://github.com/company/metrics-catalog.git", "HTTPS://GitHub.com/company/metrics-catalog.git/")) {
            assertTrue(metricsCatalog.isConfiguredCatalog(same), same);
        }
        for (String other : List.of("https://github.com/evil/metrics-catalog", "https://github.com/company/metrics-catalog-fork",
                "https://evil.example.com/company/metrics-catalog", "file:///etc", "")) {
            assertFalse(metricsCatalog.isConfiguredCatalog(other), other);
        }
        assertFalse(metricsCatalog.isConfiguredCatalog(null));
    }

    private double counter(String name) {
        return meters.get(name).tag("repository", "metrics-catalog").counter().count();
    }
}
