package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.error.Unavailable;
import com.company.onboarding.pullrequest.OnboardingResult.Status;
import com.company.onboarding.testing.LogCapture;
import com.company.onboarding.testing.SampleEntries;
import com.company.onboarding.testing.SmartHttpGitServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding pushes over real smart HTTP to a server that accepts a push only from user
 * {@code x-access-token} with the configured token: it succeeds with the token, and without it
 * (or with a wrong one) it is a 503 naming the refusal, with the token in no log and no problem.
 */
class SmartHttpPushTest {

    private static final String TOKEN = "ghs_SMART0HTTP0token0never0logged";

    private PlatformNextRemote remote;
    private SmartHttpGitServer server;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        remote = PlatformNextRemote.create("onboard-http");
        server = new SmartHttpGitServer(remote.root.resolve("repos"), Optional.of(TOKEN)).start();
    }

    @AfterEach
    void stop() {
        try {
            String logged = logs.text();
            assertFalse(logged.contains(TOKEN), "the token is in the log:\n" + logged);
            assertFalse(logged.contains("wrong-" + TOKEN), logged);
        } finally {
            logs.close();
            server.close();
            remote.close();
        }
    }

    private OnboardingResult onboard(Optional<String> token) {
        OnboardingService service = remote.service(new LocalPullRequests(), server.url("platform-next.git"), token);
        try {
            return service.onboard(OnboardingRequests.of(SampleEntries.minimal("gamma-api")));
        } finally {
            service.close();
        }
    }

    @Test
    void pushesTheBranchWithTheToken() {
        OnboardingResult result = onboard(Optional.of(TOKEN));

        assertEquals(Status.CREATED, result.status());
        assertEquals(result.commit(), remote.repo.head("onboard/gamma-api"));
        assertEquals(List.of("refs/heads/onboard/gamma-api"), remote.onboardingBranches());
    }

    @Test
    void withoutTheTokenOrWithAWrongOneThePushIsRefusedAsA503AndNothingIsPushed() {
        for (Optional<String> token : List.of(Optional.<String>empty(), Optional.of("wrong-" + TOKEN))) {
            Unavailable e = assertThrows(Unavailable.class, () -> onboard(token));

            assertEquals("platform-next.push-denied", e.code());
            assertEquals(503, e.status());
            assertTrue(e.retryAfter().toSeconds() > 0);
            assertTrue(e.detail().contains("credentials"), e.detail());
            // What the problem document shows: code, detail, extensions. No token, no address.
            for (String shown : List.of(e.code(), e.detail(), e.extensions().toString())) {
                assertFalse(shown.contains(TOKEN), shown);
                assertFalse(shown.contains("127.0.0.1"), shown);
            }
            assertNull(e.getCause(), "no JGit message (with the URL) travels with the problem");
            assertEquals(List.of(), remote.onboardingBranches());
        }
    }
}
