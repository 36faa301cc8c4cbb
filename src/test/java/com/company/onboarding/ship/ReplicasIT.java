package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.embedded.EmbeddedRepositories;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.PackagedService;
import com.company.onboarding.validation.Entries;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service pointed at one platform-next (and one catalog), each with
 * its own data directory, as two pods would run: concurrent onboarding of one entry through both
 * ends with one branch and one commit (the branch is the lock), and each replica keeps its own
 * catalog cache.
 */
class ReplicasIT {

    @Test
    void twoReplicasOnboardingTheSameEntryConcurrentlyMakeOneBranch() throws Exception {
        Path root = Fixtures.freshDirectory("replicas");
        Path platform = EmbeddedRepositories.ensure("platform-next", root.resolve("remote/platform-next.git"));
        Path catalog = EmbeddedRepositories.ensure("metrics-catalog", root.resolve("remote/metrics-catalog.git"));
        List<PackagedService> replicas = new ArrayList<>();
        try {
            for (String name : List.of("a", "b")) {
                replicas.add(PackagedService.start(Map.of(
                        "onboarding.data-dir", root.resolve("replica-" + name).toString(),
                        "platform-next.url", platform.toUri().toString(),
                        "metrics-catalog.fetch-url", catalog.toUri().toString())));
            }
            List<String> bases = new ArrayList<>();
            for (PackagedService replica : replicas) {
                bases.add(replica.awaitStarted(Duration.ofSeconds(90)));
            }
            String body = "{\"entry\": " + Entries.paymentProcessor() + ", \"requestedBy\": \"alice@company.com\"}";
            int requests = 12;
            ExecutorService pool = Executors.newFixedThreadPool(requests);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String base = bases.get(i % 2);
                answers.add(pool.submit(() -> {
                    start.await();
                    return RestAssured.given().baseUri(base).contentType("application/json").body(body).post("/services");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> commits = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                commits.add(response.path("commit"));
            }
            pool.shutdown();
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one created: " + statuses);
            assertEquals(requests - 1, statuses.stream().filter(s -> s == 200).count(), "the rest existing: " + statuses);
            assertEquals(1, commits.stream().distinct().count(), "one commit: " + commits);

            try (BareRepo remote = BareRepo.open(platform)) {
                assertEquals(commits.get(0), remote.head("onboard/payment-processor"));
                long onboardBranches = remote.repository().getRefDatabase().getRefsByPrefix(Constants.R_HEADS + "onboard/")
                        .size();
                assertEquals(1, onboardBranches);
                assertNotNull(remote.read("onboard/payment-processor", Fixtures.SERVICES_PATH));
            }
            // Each replica validated against its own cache: each fetched the catalog commit once, itself.
            for (String base : bases) {
                String metrics = RestAssured.given().baseUri(base).get("/q/metrics").asString();
                assertEquals(1.0, counter(metrics, "onboarding_git_fetches_total", "metrics-catalog"), base);
            }
            for (String name : List.of("a", "b")) {
                assertTrue(root.resolve("replica-" + name + "/cache").toFile().isDirectory(), name + " has its own cache");
            }
        } finally {
            replicas.forEach(PackagedService::close);
        }
    }

    private static double counter(String metrics, String name, String repository) {
        Matcher m = Pattern.compile("^" + name + "\\{repository=\"" + repository + "\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
