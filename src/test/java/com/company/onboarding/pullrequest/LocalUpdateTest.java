package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.error.NotFound;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The update flow on the {@code local} provider against a real bare platform-next over
 * {@code file://}, below the HTTP layer: replicas racing (two working mirrors), a base that never
 * stops moving, and an entry that is not there.
 */
class LocalUpdateTest {

    private final PlatformNextRemote remote = PlatformNextRemote.create("update-local");
    private final List<UpdateService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(UpdateService::close);
        remote.close();
    }

    private UpdateService service() {
        UpdateService service = remote.updateService(new LocalPullRequests());
        services.add(service);
        return service;
    }

    private UpdateRequest request(String service, String pointer, String value) throws Exception {
        JsonNode file = YamlTrees.read(remote.repo.read("main", Fixtures.SERVICES_PATH), ParseLimits.DEFAULT);
        for (JsonNode item : file.path("services")) {
            if (item.path("name").asText().equals(service)) {
                ObjectNode entry = item.deepCopy();
                com.company.onboarding.validation.Entries.set(entry, pointer, value);
                return new UpdateRequest(service, entry, "alice@company.com", false, "backstage",
                        new UpdateSummary(List.of(), null, null, null, List.of(), List.of()));
            }
        }
        throw new AssertionError("no " + service);
    }

    @Test
    void twelveRequestsOnTwoReplicasMakeOneBranchOneCreatedAndElevenExisting() throws Exception {
        List<UpdateService> replicas = List.of(service(), service());
        UpdateRequest request = request("alpha-api", "/size", "large");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<UpdateResult> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<UpdateResult>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UpdateService replica = replicas.get(i % 2);
                futures.add(pool.submit((Callable<UpdateResult>) () -> {
                    start.await();
                    return replica.update(request);
                }));
            }
            start.countDown();
            for (Future<UpdateResult> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, results.stream().filter(r -> r.status() == UpdateResult.Status.CREATED).count(), results::toString);
        assertEquals(1, results.stream().map(UpdateResult::commit).distinct().count(), "one commit");
        assertEquals(List.of("refs/heads/update/alpha-api"), remote.branches("update/"));
        assertEquals(0, replicas.get(0).lockedServices() + replicas.get(1).lockedServices(), "no lock left behind");
    }

    @Test
    void aBaseThatNeverStopsMovingIsA503AfterTheConfiguredAttemptsAndPushesNothing() throws Exception {
        UpdateService service = service();
        AtomicInteger moves = new AtomicInteger();
        service.beforePush(() -> remote.repo.commit("main", "busy", Map.of("README.md", "move " + moves.incrementAndGet())));

        Unavailable e = assertThrows(Unavailable.class, () -> service.update(request("alpha-api", "/size", "large")));

        assertEquals("platform-next.busy", e.code());
        assertEquals(PlatformNextRemote.SETTINGS.maxAttempts(), moves.get());
        assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0);
        assertEquals(List.of(), remote.branches("update/"));
    }

    @Test
    void aServiceTheBaseBranchLacksIsNotFoundAndTheSameEntryIsUnchanged() throws Exception {
        UpdateRequest alpha = request("alpha-api", "/size", "small");
        assertEquals(UpdateResult.UNCHANGED, service().update(alpha), "alpha-api is small already");
        UpdateRequest gone = new UpdateRequest("gone-api", alpha.entry().deepCopy().put("name", "gone-api"), null, false,
                null, alpha.summary());
        NotFound e = assertThrows(NotFound.class, () -> service().update(gone));
        assertEquals("service.not-found", e.code());
        assertEquals(List.of(), remote.branches("update/"));
    }
}
