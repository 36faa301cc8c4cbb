package com.company.onboarding.pullrequest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.pullrequest.OnboardingResult.Status;
import com.company.onboarding.pullrequest.PullRequestProvider.Opened;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestDraft;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestLink;
import com.company.onboarding.servicesyaml.ServicesYamlEditor;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.Insertion;
import com.company.onboarding.testing.SampleEntries;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The onboarding flow on the {@code local} provider against a real bare platform-next over
 * {@code file://}: what is pushed, idempotency, the two 409s, a request kept waiting, and
 * concurrent requests. A base that moves under the flow: {@link MovingBaseTest}.
 */
class LocalOnboardingTest {

    private final PlatformNextRemote remote = PlatformNextRemote.create("onboard-local");
    private final List<OnboardingService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(OnboardingService::close);
        remote.close();
    }

    private OnboardingService service() {
        OnboardingService service = remote.service(new LocalPullRequests());
        services.add(service);
        return service;
    }

    @Test
    void pushesABranchWhoseOnlyChangeIsTheEditorsInsertion() throws Exception {
        String baseBefore = remote.repo.head("main");
        byte[] oldFile = remote.repo.read("main", Fixtures.SERVICES_PATH).getBytes(UTF_8);
        ServiceEntry entry = SampleEntries.paymentProcessor();

        OnboardingResult result = service().onboard(OnboardingRequests.of(entry, "alice@company.com", false, "backstage"));

        assertEquals(new OnboardingResult("local", null, null, "onboard/payment-processor",
                remote.repo.head("onboard/payment-processor"), Status.CREATED), result);
        assertEquals(201, result.httpStatus());
        assertEquals(List.of("refs/heads/onboard/payment-processor"), remote.onboardingBranches());
        assertEquals(baseBefore, remote.repo.head("main"), "the base branch is not touched");

        byte[] pushed = remote.repo.read("onboard/payment-processor", Fixtures.SERVICES_PATH).getBytes(UTF_8);
        assertArrayEquals(new ServicesYamlEditor().append(oldFile, entry).bytes(), pushed);
        Insertion insertion = Insertion.between(new String(oldFile, UTF_8), new String(pushed, UTF_8));
        assertTrue(insertion.inserted().contains("- name: payment-processor"), insertion.inserted());

        try (RevWalk walk = new RevWalk(remote.repo.repository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(result.commit()));
            assertEquals(1, commit.getParentCount());
            assertEquals(baseBefore, commit.getParent(0).name(), "one commit, on the base branch's head");
            assertEquals("Monitoring Onboarding", commit.getAuthorIdent().getName());
            assertEquals("monitoring-onboarding@company.com", commit.getAuthorIdent().getEmailAddress());
            assertEquals(commit.getAuthorIdent(), commit.getCommitterIdent());
            assertEquals(PlatformNextRemote.NOW, commit.getAuthorIdent().getWhenAsInstant());
            assertEquals("Onboard payment-processor with monitoring profile domain-api", commit.getShortMessage());
            Map<String, String> trailers = new TreeMap<>();
            for (FooterLine footer : commit.getFooterLines()) {
                trailers.put(footer.getKey(), footer.getValue());
            }
            assertEquals(Map.of("Requested-by", "alice@company.com", "Onboarded-by", "backstage"), trailers);
            assertEquals(List.of(Fixtures.SERVICES_PATH), changedPaths(walk, commit));
        }
    }

    @Test
    void theSameEntryTwiceGivesOneBranchCreatedThenExisting() {
        OnboardingRequest request = OnboardingRequests.of(SampleEntries.paymentProcessor());
        OnboardingResult first = service().onboard(request);
        OnboardingResult second = service().onboard(request);

        assertEquals(Status.CREATED, first.status());
        assertEquals(Status.EXISTING, second.status());
        assertEquals(200, second.httpStatus());
        assertEquals(first.commit(), second.commit());
        assertEquals(first.branch(), second.branch());
        assertEquals(List.of("refs/heads/onboard/payment-processor"), remote.onboardingBranches());
    }

    @Test
    void aServiceAlreadyOnTheBaseBranchIsAConflictAndPushesNothing() {
        Conflict conflict = assertThrows(Conflict.class,
                () -> service().onboard(OnboardingRequests.of(SampleEntries.minimal("alpha-api"))));
        assertEquals("service.exists", conflict.code());
        assertEquals(409, conflict.status());
        assertTrue(conflict.detail().contains("alpha-api"), conflict.detail());
        assertEquals(List.of(), remote.onboardingBranches());
    }

    @Test
    void aDifferentEntryOnTheExistingBranchIsAConflictNamingTheBranch() {
        service().onboard(OnboardingRequests.of(SampleEntries.minimal("gamma-api")));
        ServiceEntry other = new ServiceEntry("gamma-api", "api", "large", null, null, null, null, "domain-api", null);

        Conflict conflict = assertThrows(Conflict.class, () -> service().onboard(OnboardingRequests.of(other)));

        assertEquals("pull-request.conflict", conflict.code());
        assertEquals(Map.of("branch", "onboard/gamma-api"), conflict.extensions());
        assertTrue(conflict.detail().contains("onboard/gamma-api"), conflict.detail());
        assertEquals(List.of("refs/heads/onboard/gamma-api"), remote.onboardingBranches());
    }

    @Test
    void aFileTheEditorCannotChangeSafelyIsAConflictAndPushesNothing() {
        remote.repo.commit("main", "a tab", Map.of(Fixtures.SERVICES_PATH, "services:\n\t- name: tabbed\n"));
        Conflict conflict = assertThrows(Conflict.class,
                () -> service().onboard(OnboardingRequests.of(SampleEntries.minimal("gamma-api"))));
        assertEquals("services.edit.unsafe", conflict.code());
        assertTrue(conflict.detail().contains("line 2"), conflict.detail());
        assertEquals(List.of(), remote.onboardingBranches());
    }

    @Test
    void aRequestThatWaitsTooLongForAnotherOfTheSameServiceIsA503() throws Exception {
        // The first request holds the service's lock while its pull request is being opened.
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LocalPullRequests local = new LocalPullRequests();
        PullRequestProvider slowHost = new PullRequestProvider() {
            @Override
            public String name() {
                return local.name();
            }

            @Override
            public Optional<PullRequestLink> findOpen(String branch) {
                return local.findOpen(branch);
            }

            @Override
            public Opened open(PullRequestDraft draft) {
                inside.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return local.open(draft);
            }
        };
        OnboardingService service = remote.service(slowHost, remote.repo.url(), Optional.empty(),
                new OnboardingSettings("onboard/", "Monitoring Onboarding", "onboarding@company.com", 5,
                        Duration.ofMillis(200)));
        services.add(service);
        OnboardingRequest request = OnboardingRequests.of(SampleEntries.minimal("gamma-api"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<OnboardingResult> first = pool.submit(() -> service.onboard(request));
            assertTrue(inside.await(30, TimeUnit.SECONDS));

            Unavailable e = assertThrows(Unavailable.class, () -> service.onboard(request));
            assertEquals("pull-request.busy", e.code());

            release.countDown();
            assertEquals(Status.CREATED, first.get(30, TimeUnit.SECONDS).status());
            assertEquals(Status.EXISTING, service.onboard(request).status());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void twelveConcurrentRequestsForOneServiceMakeOneBranchOneCreatedAndElevenExisting() throws Exception {
        OnboardingService service = service();
        OnboardingRequest request = OnboardingRequests.of(SampleEntries.paymentProcessor());
        List<OnboardingResult> results = concurrently(12, i -> service.onboard(request));

        assertEquals(1, results.stream().filter(r -> r.status() == Status.CREATED).count(), results::toString);
        assertEquals(11, results.stream().filter(r -> r.status() == Status.EXISTING).count(), results::toString);
        assertEquals(1, results.stream().map(OnboardingResult::commit).distinct().count(), "one commit");
        assertEquals(List.of("refs/heads/onboard/payment-processor"), remote.onboardingBranches());
        try (RevWalk walk = new RevWalk(remote.repo.repository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(remote.repo.head("onboard/payment-processor")));
            assertEquals(remote.repo.head("main"), commit.getParent(0).name(), "one commit on the base");
        }
        // No lock left behind: a thirteenth request is answered, not kept waiting (ServiceLocksTest counts the locks).
        assertEquals(Status.EXISTING, service.onboard(request).status());
    }

    @Test
    void twelveConcurrentRequestsForOneServiceOnTwoReplicasStillMakeOneBranch() throws Exception {
        // Two working mirrors play two replicas: only git's lease keeps them from both creating the branch.
        List<OnboardingService> replicas = List.of(service(), service());
        OnboardingRequest request = OnboardingRequests.of(SampleEntries.paymentProcessor());
        List<OnboardingResult> results = concurrently(12, i -> replicas.get(i % 2).onboard(request));

        assertEquals(1, results.stream().filter(r -> r.status() == Status.CREATED).count(), results::toString);
        assertEquals(1, results.stream().map(OnboardingResult::commit).distinct().count(), "one commit");
        assertEquals(List.of("refs/heads/onboard/payment-processor"), remote.onboardingBranches());
    }

    @Test
    void concurrentRequestsForDifferentServicesEachGetTheirOwnBranch() throws Exception {
        OnboardingService service = service();
        List<OnboardingResult> results = concurrently(12,
                i -> service.onboard(OnboardingRequests.of(SampleEntries.minimal(String.format("svc-%02d", i)))));

        assertTrue(results.stream().allMatch(r -> r.status() == Status.CREATED), results::toString);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add(String.format("refs/heads/onboard/svc-%02d", i));
        }
        assertEquals(expected, remote.onboardingBranches());
        for (int i = 0; i < 12; i++) {
            String name = String.format("svc-%02d", i);
            String pushed = remote.repo.read("onboard/" + name, Fixtures.SERVICES_PATH);
            assertTrue(pushed.endsWith("  - name: " + name + "\n    archetype: api\n    monitoringProfile: domain-api\n"),
                    pushed);
            assertFalse(pushed.contains("svc-" + (i == 0 ? "01" : "00")), "only its own entry on " + name);
        }
    }

    @Test
    void aRequestWithoutRequesterHasOnlyTheCallerTrailer() throws Exception {
        OnboardingResult result = service().onboard(new OnboardingRequest(SampleEntries.minimal("gamma-api"), null,
                false, "svc-backstage\nRequested-by: mallory", null));
        try (RevWalk walk = new RevWalk(remote.repo.repository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(result.commit()));
            List<FooterLine> footers = commit.getFooterLines();
            assertEquals(1, footers.size(), commit.getFullMessage());
            assertEquals("Onboarded-by", footers.get(0).getKey());
            assertEquals("svc-backstage Requested-by: mallory", footers.get(0).getValue());
        }
        assertNull(result.url());
    }

    @FunctionalInterface
    private interface Call {
        OnboardingResult call(int index) throws Exception;
    }

    /** Runs {@code count} calls at once (released together) and waits a bounded time for each. */
    private static List<OnboardingResult> concurrently(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OnboardingResult>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit((Callable<OnboardingResult>) () -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<OnboardingResult> results = new ArrayList<>();
            for (Future<OnboardingResult> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> changedPaths(RevWalk walk, RevCommit commit) throws IOException {
        List<String> changed = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(walk.getObjectReader())) {
            tree.addTree(commit.getTree());
            tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
            tree.setRecursive(true);
            tree.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            while (tree.next()) {
                changed.add(tree.getPathString());
            }
        }
        return changed;
    }
}
