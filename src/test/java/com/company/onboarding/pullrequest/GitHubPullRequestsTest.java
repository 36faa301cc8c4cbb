package com.company.onboarding.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.error.ApiException;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.pullrequest.OnboardingResult.Status;
import com.company.onboarding.pullrequest.PullRequestProvider.Opened;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestDraft;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestLink;
import com.company.onboarding.testing.LogCapture;
import com.company.onboarding.testing.SampleEntries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code github} provider against WireMock playing GitHub Enterprise ({@code /api/v3}):
 * creating, looking up by head, the 422 "already exists" path, rate limits waited out and past
 * the bound, 5xx, timeouts and refused connections as 503, redirects not followed. Every request
 * sent and every stubbed response is checked against GitHub's OpenAPI description, every request
 * carries the headers GitHub asks for, and the token appears in no log line and no problem.
 */
class GitHubPullRequestsTest {

    private static final String TOKEN = "ghp_TEST0token0that0must0never0be0logged";
    private static final String PULLS = "/api/v3/repos/company/platform-next/pulls";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubOpenApi openApi = GitHubOpenApi.load();
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final List<ApiException> problems = new ArrayList<>();
    private WireMockServer github;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
    }

    @AfterEach
    void checkAndStop() throws IOException {
        try {
            checkTrafficAgainstOpenApi();
            for (ServeEvent event : github.getAllServeEvents()) {
                var request = event.getRequest();
                assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
                assertEquals("application/vnd.github+json", request.getHeader("Accept"));
                assertEquals("2022-11-28", request.getHeader("X-GitHub-Api-Version"));
            }
            String logged = logs.text();
            assertFalse(logged.contains(TOKEN), "the token is in the log:\n" + logged);
            assertFalse(logged.contains("Authorization"), "the Authorization header is in the log:\n" + logged);
            for (ApiException problem : problems) {
                assertFalse(String.valueOf(problem.detail()).contains(TOKEN), problem.detail());
                assertFalse(problem.extensions().toString().contains(TOKEN));
            }
        } finally {
            logs.close();
            github.stop();
        }
    }

    private GitHubPullRequests provider(Duration rateLimitMaxWait) {
        return provider(URI.create(github.baseUrl() + "/api/v3/"), rateLimitMaxWait, Duration.ofSeconds(5));
    }

    private GitHubPullRequests provider(URI api, Duration rateLimitMaxWait, Duration readTimeout) {
        return new GitHubPullRequests(api, "company/platform-next", TOKEN, Duration.ofSeconds(2), readTimeout,
                rateLimitMaxWait, Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
    }

    /** A provider whose clock the test moves; waiting (nothing here, the bound is 0) would move it too. */
    private GitHubPullRequests provider(TestClock clock) {
        return new GitHubPullRequests(URI.create(github.baseUrl() + "/api/v3/"), "company/platform-next", TOKEN,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ZERO, clock, clock::advance);
    }

    /** A clock that moves only when told to. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static PullRequestDraft draft(String branch) {
        return new PullRequestDraft(branch, "main", "Onboard svc", "The body", false);
    }

    @Test
    void createsThePullRequestWithTitleHeadBaseBodyAndDraft() throws IOException {
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(201, pullRequest(1347, "onboard/svc"))));

        Opened opened = provider(Duration.ofSeconds(10)).open(new PullRequestDraft("onboard/svc", "main", "Onboard svc",
                "The body", true));

        assertEquals(new Opened(new PullRequestLink(1347, "https://github.com/company/platform-next/pull/1347"), true),
                opened);
        JsonNode sent = JSON.readTree(github.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertEquals(JSON.readTree("""
                {"title": "Onboard svc", "head": "onboard/svc", "base": "main", "body": "The body", "draft": true}"""), sent);
    }

    @Test
    void findsTheOpenPullRequestByHeadOwnerAndBranch() {
        github.stubFor(get(urlPathEqualTo(PULLS)).withQueryParam("head", equalTo("company:onboard/svc"))
                .withQueryParam("state", equalTo("open"))
                .willReturn(json(200, pullRequestList(7, "onboard/svc"))));
        github.stubFor(get(urlPathEqualTo(PULLS)).withQueryParam("head", equalTo("company:onboard/none"))
                .willReturn(json(200, JSON.createArrayNode())));

        GitHubPullRequests provider = provider(Duration.ofSeconds(10));

        assertEquals(Optional.of(new PullRequestLink(7, "https://github.com/company/platform-next/pull/7")),
                provider.findOpen("onboard/svc"));
        assertEquals(Optional.empty(), provider.findOpen("onboard/none"));
    }

    @Test
    void alreadyExistsIsAnsweredWithTheExistingPullRequest() {
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(422, alreadyExists("onboard/svc"))));
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200, pullRequestList(12, "onboard/svc"))));

        Opened opened = provider(Duration.ofSeconds(10)).open(draft("onboard/svc"));

        assertEquals(new Opened(new PullRequestLink(12, "https://github.com/company/platform-next/pull/12"), false), opened);
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        github.verify(1, getRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void aRateLimitUntilTheResetIsWaitedOutAndRetried() {
        long reset = NOW.getEpochSecond() + 3;
        github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("reset").willReturn(rateLimited(reset)));
        github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(json(201, pullRequest(5, "onboard/svc"))));

        Opened opened = provider(Duration.ofSeconds(10)).open(draft("onboard/svc"));

        assertEquals(5, opened.link().number());
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
        github.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    @Test
    void retryAfterOnA429IsHonoured() {
        github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("after").willReturn(json(429, error("You have exceeded a secondary rate limit"))
                        .withHeader("Retry-After", "2")));
        github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("limit").whenScenarioStateIs("after")
                .willReturn(json(201, pullRequest(6, "onboard/svc"))));

        assertEquals(6, provider(Duration.ofSeconds(10)).open(draft("onboard/svc")).link().number());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void aRateLimitPastTheBoundIsA503WithRetryAfter() {
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(rateLimited(NOW.getEpochSecond() + 1800)));

        Unavailable e = expect(Unavailable.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc")));

        assertEquals("pull-request.unavailable", e.code());
        assertEquals(503, e.status());
        assertEquals(Duration.ofSeconds(1800), e.retryAfter());
        assertEquals(List.of(), waits, "nothing waited: the reset is past the bound");
        assertTrue(logs.text().contains("rate limited (403)"), "the capture sees the provider's log: " + logs.text());
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    /**
     * Told to wait 30 minutes, the provider used to call GitHub again on the next onboarding.
     * Now every request until the reset is a 503 with the time left, and GitHub sees none of them.
     */
    @Test
    void aPrimaryRateLimitIsRememberedUntilItsResetAndGitHubIsNotCalledMeanwhile() {
        TestClock clock = new TestClock(NOW);
        GitHubPullRequests provider = provider(clock);
        github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("reset").willReturn(rateLimited(NOW.getEpochSecond() + 1800)));
        github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(json(201, pullRequest(9, "onboard/svc"))));

        assertEquals(Duration.ofSeconds(1800), expect(Unavailable.class, () -> provider.open(draft("onboard/svc"))).retryAfter());
        clock.advance(Duration.ofMillis(150));
        Unavailable meanwhile = expect(Unavailable.class, () -> provider.open(draft("onboard/svc")));
        assertEquals(Duration.ofSeconds(1800).minusMillis(150), meanwhile.retryAfter());
        clock.advance(Duration.ofMinutes(29));
        expect(Unavailable.class, () -> provider.findOpen("onboard/svc"));
        github.verify(1, postRequestedFor(urlPathEqualTo(PULLS)));
        github.verify(0, getRequestedFor(urlPathEqualTo(PULLS)));

        clock.advance(Duration.ofMinutes(1));
        assertEquals(9, provider.open(draft("onboard/svc")).link().number());
        github.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));
    }

    /** GitHub's docs: a secondary limit that repeats waits an exponentially growing time; a success starts over. */
    @Test
    void repeatedSecondaryRateLimitsBackOffExponentially() {
        TestClock clock = new TestClock(NOW);
        GitHubPullRequests provider = provider(clock);
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(403, error("You have exceeded a secondary rate limit."))));

        List<Duration> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Duration wait = expect(Unavailable.class, () -> provider.open(draft("onboard/svc"))).retryAfter();
            asked.add(wait);
            clock.advance(wait);
        }
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4)), asked);
        github.verify(4, postRequestedFor(urlPathEqualTo(PULLS)));

        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200, JSON.createArrayNode())));
        assertEquals(Optional.empty(), provider.findOpen("onboard/svc"));
        assertEquals(Duration.ofMinutes(1), expect(Unavailable.class, () -> provider.open(draft("onboard/svc"))).retryAfter(),
                "an answer that was not limited starts the backoff over");
    }

    @Test
    void githubsValidationMessagesAreInTheProblemsDetail() {
        ObjectNode body = JSON.createObjectNode().put("message", "Validation Failed")
                .put("documentation_url", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request");
        body.putArray("errors").addObject().put("resource", "PullRequest").put("code", "custom")
                .put("message", "No commits between main and onboard/svc");
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(422, body)));

        UpstreamInvalid e = expect(UpstreamInvalid.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc")));

        assertEquals(502, e.status());
        assertTrue(e.detail().contains("422 (Validation Failed: No commits between main and onboard/svc)"), e.detail());
    }

    @Test
    void aForbiddenWithoutRateLimitIsAFailureNotARetry() {
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(json(403, error("Resource not accessible by integration"))));

        UpstreamInvalid e = expect(UpstreamInvalid.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc")));

        assertEquals("pull-request.failed", e.code());
        assertTrue(e.detail().contains("403") && e.detail().contains("Resource not accessible"), e.detail());
        assertEquals(List.of(), waits);
    }

    @Test
    void aBadGatewayIsA503WithRetryAfter() {
        github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));

        Unavailable e = expect(Unavailable.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc")));

        assertEquals("pull-request.unavailable", e.code());
        assertEquals(Duration.ofSeconds(30), e.retryAfter());
    }

    @Test
    void aSlowAnswerAndARefusedConnectionAre503s() throws IOException {
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(json(200, JSON.createArrayNode()).withFixedDelay(3000)));
        Unavailable slow = expect(Unavailable.class, () -> provider(URI.create(github.baseUrl() + "/api/v3"),
                Duration.ofSeconds(10), Duration.ofMillis(300)).findOpen("onboard/svc"));
        assertEquals("pull-request.unavailable", slow.code());

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Unavailable refused = expect(Unavailable.class, () -> provider(URI.create("http://127.0.0.1:" + closedPort
                + "/api/v3"), Duration.ofSeconds(10), Duration.ofSeconds(2)).findOpen("onboard/svc"));
        assertEquals("pull-request.unavailable", refused.code());
        assertTrue(refused.retryAfter().toSeconds() > 0);
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        WireMockServer elsewhere = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        elsewhere.start();
        try {
            elsewhere.stubFor(post(anyUrl()).willReturn(json(201, pullRequest(1, "onboard/svc"))));
            github.stubFor(post(urlPathEqualTo(PULLS)).willReturn(aResponse().withStatus(307)
                    .withHeader("Location", elsewhere.baseUrl() + "/steal")));

            UpstreamInvalid e = expect(UpstreamInvalid.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc")));

            assertEquals("pull-request.failed", e.code());
            assertTrue(e.detail().contains("redirect"), e.detail());
            assertEquals(0, elsewhere.getAllServeEvents().size(), "the other host saw no request (and no token)");
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void onboardingFinishesThePullRequestOnTheRetryAfterTheHostFailedBehindThePush() throws IOException {
        try (PlatformNextRemote remote = PlatformNextRemote.create("onboard-github")) {
            OnboardingService service = remote.service(provider(Duration.ofSeconds(10)));
            try {
                ServiceEntry entry = SampleEntries.paymentProcessor();
                OnboardingRequest request = new OnboardingRequest(entry, "alice@company.com", true, "backstage",
                        OnboardingRequests.summary(entry, List.of(Finding.warning("/monitoring/customMetrics/repository/ref",
                                "catalog.pinned-to-branch", "the catalog ref is a branch"))));
                github.stubFor(get(urlPathEqualTo(PULLS)).atPriority(5).willReturn(json(200, JSON.createArrayNode())));
                github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("pr").whenScenarioStateIs(STARTED)
                        .willSetStateTo("host back").willReturn(aResponse().withStatus(502)));
                github.stubFor(post(urlPathEqualTo(PULLS)).inScenario("pr").whenScenarioStateIs("host back")
                        .willSetStateTo("opened").willReturn(json(201, pullRequest(42, "onboard/payment-processor"))));
                github.stubFor(get(urlPathEqualTo(PULLS)).atPriority(1).inScenario("pr").whenScenarioStateIs("opened")
                        .willReturn(json(200, pullRequestList(42, "onboard/payment-processor"))));

                expect(Unavailable.class, () -> service.onboard(request));
                String pushed = remote.repo.head("onboard/payment-processor");
                assertTrue(pushed != null, "the branch is pushed before the host failed");

                OnboardingResult finished = service.onboard(request);
                assertEquals(new OnboardingResult("github", 42, "https://github.com/company/platform-next/pull/42",
                        "onboard/payment-processor", pushed, Status.CREATED), finished);
                OnboardingResult again = service.onboard(request);
                assertEquals(Status.EXISTING, again.status());
                assertEquals(42, again.number());
                assertEquals(pushed, remote.repo.head("onboard/payment-processor"), "one commit, never pushed again");
                github.verify(2, postRequestedFor(urlPathEqualTo(PULLS)));

                JsonNode sent = parse(github.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getMethod().getName().equals("POST")).findFirst().orElseThrow()
                        .getRequest().getBodyAsString());
                assertEquals("onboard/payment-processor", sent.path("head").asText());
                assertEquals("main", sent.path("base").asText());
                assertTrue(sent.path("draft").asBoolean());
                assertEquals("Onboard payment-processor to Dynatrace monitoring (domain-api)", sent.path("title").asText());
                String body = sent.path("body").asText();
                assertTrue(body.contains("| prod | stable | euw2 | `prod-payment-processor-euw2-stable` | 1 | 0 |"), body);
                assertTrue(body.contains("metrics-catalog: ref `v1.2.0` at commit `0123456789abcdef"), body);
                assertTrue(body.contains("`catalog.pinned-to-branch` at `/monitoring/customMetrics/repository/ref`"), body);
                assertTrue(body.contains("for `alice@company.com` (caller `backstage`)"), body);

                ServiceEntry different = new ServiceEntry("payment-processor", "api", "small", null, null, null, null,
                        "domain-api", null);
                Conflict conflict = expect(Conflict.class, () -> service.onboard(OnboardingRequests.of(different)));
                assertEquals("pull-request.conflict", conflict.code());
                assertEquals(Map.of("branch", "onboard/payment-processor",
                        "pullRequest", "https://github.com/company/platform-next/pull/42"), conflict.extensions());
            } finally {
                service.close();
            }
        }
    }

    private <T extends ApiException> T expect(Class<T> type, org.junit.jupiter.api.function.Executable call) {
        T e = assertThrows(type, call);
        problems.add(e);
        return e;
    }

    /** Every request against the operation's parameters and body schema, every JSON response against its schema. */
    private void checkTrafficAgainstOpenApi() throws IOException {
        for (ServeEvent event : github.getAllServeEvents()) {
            var request = event.getRequest();
            String method = request.getMethod().getName();
            URI url = URI.create(request.getUrl());
            assertEquals(PULLS, url.getPath());
            assertEquals(List.of(), openApi.checkQuery(method, query(url)), "query of " + request.getUrl());
            if (method.equals("POST")) {
                assertEquals(List.of(), openApi.checkRequestBody(method, parse(request.getBodyAsString())), "request body");
            }
            var response = event.getResponse();
            int status = response.getStatus();
            if (status >= 300 && status < 600 && !"application/json".equals(response.getHeaders().getContentTypeHeader()
                    .mimeTypePart())) {
                continue; // redirects and gateway errors carry no JSON: nothing to check
            }
            JsonNode body = parse(response.getBodyAsString());
            List<String> problems = status == 429 || (status == 403 && method.equals("GET"))
                    ? openApi.checkError(body) : openApi.checkResponse(method, status, body);
            assertEquals(List.of(), problems, method + " response " + status);
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> query = new LinkedHashMap<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private ResponseDefinitionBuilder json(int status, JsonNode body) {
        if (status < 300) {
            assertEquals(List.of(), openApi.checkResponse(status == 201 ? "POST" : "GET", status, body), "stub " + status);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private ResponseDefinitionBuilder rateLimited(long reset) {
        return json(403, error("API rate limit exceeded for installation ID 1."))
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-used", "5000").withHeader("x-ratelimit-reset", Long.toString(reset));
    }

    /** GitHub's example pull request. */
    private JsonNode pullRequest(int number, String branch) {
        ObjectNode pull = (ObjectNode) openApi.example("pull-request");
        ours(pull, number, branch);
        return pull;
    }

    private JsonNode pullRequestList(int number, String branch) {
        ArrayNode list = (ArrayNode) openApi.example("pull-request-simple-items");
        ObjectNode first = (ObjectNode) list.get(0);
        ours(first, number, branch);
        return JSON.createArrayNode().add(first);
    }

    /**
     * GitHub's example, made ours. Its {@code requested_teams} lack the {@code type} the schema
     * requires of a team (the checker found it); an onboarding PR requests no team anyway.
     */
    private static void ours(ObjectNode pull, int number, String branch) {
        pull.putArray("requested_teams");
        pull.put("number", number);
        pull.put("html_url", "https://github.com/company/platform-next/pull/" + number);
        ((ObjectNode) pull.get("head")).put("ref", branch).put("label", "company:" + branch);
        ((ObjectNode) pull.get("base")).put("ref", "main");
    }

    private static JsonNode alreadyExists(String branch) {
        ObjectNode body = JSON.createObjectNode().put("message", "Validation Failed")
                .put("documentation_url", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request");
        body.putArray("errors").addObject().put("resource", "PullRequest").put("code", "custom")
                .put("message", "A pull request already exists for company:" + branch + ".");
        return body;
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
    }

    private static JsonNode parse(String text) throws IOException {
        return JSON.readTree(text);
    }
}
