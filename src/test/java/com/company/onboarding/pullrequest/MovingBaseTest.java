package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.error.Unavailable;
import com.company.onboarding.pullrequest.OnboardingResult.Status;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.Insertion;
import com.company.onboarding.testing.SampleEntries;
import com.company.onboarding.testing.SmartHttpGitServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone else pushes to platform-next's base branch while the flow runs: the git server moves
 * {@code main} while it sends the flow the base it fetched, so the base the flow committed on is
 * no longer the remote's when it checks before pushing. It reads again and adds the entry on the
 * new base, a bounded number of times.
 */
class MovingBaseTest {

    private static final String TOKEN = "ghs_moving0base0token";

    private PlatformNextRemote remote;
    private SmartHttpGitServer server;
    private OnboardingService service;

    @BeforeEach
    void start() {
        remote = PlatformNextRemote.create("onboard-moving");
        server = new SmartHttpGitServer(remote.root.resolve("repos"), Optional.of(TOKEN)).start();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        server.close();
        remote.close();
    }

    private OnboardingService service(int maxAttempts) {
        service = remote.service(new LocalPullRequests(), server.url("platform-next.git"), Optional.of(TOKEN),
                new OnboardingSettings("onboard/", "Monitoring Onboarding", "onboarding@company.com", maxAttempts,
                        Duration.ofSeconds(60)));
        return service;
    }

    @Test
    void aBaseThatMovesBeforeThePushIsReadAgainAndTheEntryAddedOnTheNewBase() throws Exception {
        String moved = remote.repo.read("main", Fixtures.SERVICES_PATH)
                + "\n  - name: delta-api    # added while the flow ran\n    archetype: api\n";
        AtomicInteger packs = new AtomicInteger();
        server.beforeEachPack(() -> {
            if (packs.incrementAndGet() == 1) {
                remote.repo.commit("main", "someone else's change", Map.of(Fixtures.SERVICES_PATH, moved,
                        "README.md", "moved\n"));
            }
        });

        OnboardingResult result = service(5).onboard(OnboardingRequests.of(SampleEntries.minimal("gamma-api")));

        String newBase = remote.repo.head("main");
        assertEquals(2, packs.get(), "the base was fetched, then the moved base");
        assertEquals(Status.CREATED, result.status());
        String pushed = remote.repo.read("onboard/gamma-api", Fixtures.SERVICES_PATH);
        Insertion insertion = Insertion.between(moved, pushed);
        assertTrue(insertion.atLineStart());
        assertTrue(pushed.contains("delta-api") && pushed.endsWith("  - name: gamma-api\n    archetype: api\n"
                + "    monitoringProfile: domain-api\n"), pushed);
        try (RevWalk walk = new RevWalk(remote.repo.repository())) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(result.commit()));
            assertEquals(newBase, commit.getParent(0).name(), "based on the moved base");
            assertEquals("moved\n", remote.repo.read("onboard/gamma-api", "README.md"));
        }
    }

    @Test
    void aBaseThatNeverStopsMovingEndsInA503AfterTheConfiguredAttemptsAndPushesNothing() {
        AtomicInteger moves = new AtomicInteger();
        server.beforeEachPack(() -> remote.repo.commit("main", "busy", Map.of("README.md", "move " + moves.incrementAndGet())));

        Unavailable e = assertThrows(Unavailable.class,
                () -> service(3).onboard(OnboardingRequests.of(SampleEntries.minimal("gamma-api"))));

        assertEquals("platform-next.busy", e.code());
        assertEquals(3, moves.get(), "pull-request.max-attempts reads, no more");
        assertTrue(e.retryAfter().toSeconds() > 0);
        assertEquals(List.of(), remote.onboardingBranches());
    }
}
