package com.company.onboarding.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.error.ApiException;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.pullrequest.GitHubPullRequestsTest.TestClock;
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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code gitlab} provider against WireMock playing a self-managed GitLab ({@code /api/v4}):
 * creating, looking up by source branch, GitLab's 409 "already exists", 429 with
 * {@code Retry-After} or {@code RateLimit-Reset} waited out, past the bound and remembered,
 * 5xx and refusals, redirects not followed; and a whole onboarding through it. Every request
 * sent and every stubbed answer is checked against the shapes GitLab documents for the merge
 * requests API ({@link #checkTraffic}); the token travels in {@code PRIVATE-TOKEN} and appears in
 * no log line and no problem.
 */
class GitLabMergeRequestsTest {

    private static final String TOKEN = "glpat-TEST0token0that0must0never0be0logged";
    /** The project {@code group/platform-next}, its path URL-encoded as GitLab's API takes it. */
    private static final String MERGE_REQUESTS = "/api/v4/projects/group%2Fplatform-next/merge_requests";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> waits = new ArrayList<>();
    private final List<ApiException> problems = new ArrayList<>();
    private WireMockServer gitlab;
    private LogCapture logs;

    @BeforeEach
    void start() {
        logs = new LogCapture();
        gitlab = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gitlab.start();
    }

    @AfterEach
    void checkAndStop() throws IOException {
        try {
            checkTraffic();
            String logged = logs.text();
            assertFalse(logged.contains(TOKEN), "the token is in the log:\n" + logged);
            for (ApiException problem : problems) {
                assertFalse(String.valueOf(problem.detail()).contains(TOKEN), problem.detail());
            }
        } finally {
            logs.close();
            gitlab.stop();
        }
    }

    private GitLabMergeRequests provider(Duration rateLimitMaxWait) {
        TestClock clock = new TestClock(NOW);
        return provider(clock, rateLimitMaxWait);
    }

    private GitLabMergeRequests provider(TestClock clock, Duration rateLimitMaxWait) {
        return new GitLabMergeRequests(URI.create(gitlab.baseUrl() + "/api/v4/"), "group/platform-next", TOKEN,
                Duration.ofSeconds(2), Duration.ofSeconds(5), rateLimitMaxWait, clock, wait -> {
                    waits.add(wait);
                    clock.advance(wait);
                });
    }

    private static PullRequestDraft draft(String branch, boolean draft) {
        return new PullRequestDraft(branch, "main", "Onboard svc", "The body", draft);
    }

    @Test
    void createsTheMergeRequestWithSourceTargetTitleAndDescription() throws IOException {
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).willReturn(json(201, mergeRequest(7, "onboard/svc"))));

        Opened opened = provider(Duration.ofSeconds(10)).open(draft("onboard/svc", true));

        assertEquals(new Opened(new PullRequestLink(7, "https://gitlab.example.com/group/platform-next/-/merge_requests/7"),
                true), opened);
        var request = gitlab.getAllServeEvents().get(0).getRequest();
        assertEquals(MERGE_REQUESTS, URI.create(request.getUrl()).getRawPath(), "the project path, URL-encoded");
        assertEquals(JSON.readTree("""
                {"source_branch": "onboard/svc", "target_branch": "main", "title": "Draft: Onboard svc",
                 "description": "The body"}"""), JSON.readTree(request.getBodyAsString()));
    }

    @Test
    void findsTheOpenMergeRequestBySourceBranch() {
        gitlab.stubFor(get(urlPathMatching(".*/merge_requests")).withQueryParam("source_branch", equalTo("onboard/svc"))
                .withQueryParam("state", equalTo("opened")).willReturn(json(200, list(mergeRequest(3, "onboard/svc")))));
        gitlab.stubFor(get(urlPathMatching(".*/merge_requests")).withQueryParam("source_branch", equalTo("onboard/none"))
                .willReturn(json(200, JSON.createArrayNode())));

        GitLabMergeRequests provider = provider(Duration.ofSeconds(10));

        assertEquals(Optional.of(new PullRequestLink(3, "https://gitlab.example.com/group/platform-next/-/merge_requests/3")),
                provider.findOpen("onboard/svc"));
        assertEquals(Optional.empty(), provider.findOpen("onboard/none"));
    }

    @Test
    void anotherOpenMergeRequestIsAnsweredWithThatOne() {
        ObjectNode conflict = JSON.createObjectNode();
        conflict.putArray("message").add("Another open merge request already exists for this source branch: !12");
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).willReturn(json(409, conflict)));
        gitlab.stubFor(get(urlPathMatching(".*/merge_requests")).willReturn(json(200, list(mergeRequest(12, "onboard/svc")))));

        Opened opened = provider(Duration.ofSeconds(10)).open(draft("onboard/svc", false));

        assertEquals(new Opened(new PullRequestLink(12, "https://gitlab.example.com/group/platform-next/-/merge_requests/12"),
                false), opened);
    }

    @Test
    void aRateLimitWithRetryAfterIsWaitedOutWithinTheBound() {
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("after").willReturn(tooManyRequests().withHeader("Retry-After", "2")));
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).inScenario("limit").whenScenarioStateIs("after")
                .willReturn(json(201, mergeRequest(8, "onboard/svc"))));

        assertEquals(8, provider(Duration.ofSeconds(10)).open(draft("onboard/svc", false)).link().number());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    /** Told to wait until the reset, no request goes to GitLab before it; then it is called again. */
    @Test
    void aRateLimitPastTheBoundIsA503AndRememberedUntilItsReset() {
        TestClock clock = new TestClock(NOW);
        GitLabMergeRequests provider = provider(clock, Duration.ofSeconds(10));
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willSetStateTo("reset").willReturn(tooManyRequests().withHeader("RateLimit-Limit", "600")
                        .withHeader("RateLimit-Observed", "600").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 600))));
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(json(201, mergeRequest(9, "onboard/svc"))));

        assertEquals(Duration.ofSeconds(600), expect(Unavailable.class, () -> provider.open(draft("onboard/svc", false)))
                .retryAfter());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(599), expect(Unavailable.class, () -> provider.open(draft("onboard/svc", false)))
                .retryAfter());
        gitlab.verify(1, postRequestedFor(urlPathMatching(".*/merge_requests")));

        clock.advance(Duration.ofSeconds(599));
        assertEquals(9, provider.open(draft("onboard/svc", false)).link().number());
        assertEquals(List.of(), waits, "nothing waited inline: the reset was past the bound");
    }

    @Test
    void refusalsAre502sWithGitLabsMessageAndOutagesAre503s() {
        ObjectNode unauthorized = JSON.createObjectNode().put("message", "401 Unauthorized");
        gitlab.stubFor(get(urlPathMatching(".*/merge_requests")).willReturn(json(401, unauthorized)));
        UpstreamInvalid refused = expect(UpstreamInvalid.class, () -> provider(Duration.ofSeconds(10)).findOpen("onboard/svc"));
        assertEquals("pull-request.failed", refused.code());
        assertTrue(refused.detail().contains("401 (401 Unauthorized)"), refused.detail());

        ObjectNode invalid = JSON.createObjectNode();
        invalid.putObject("message").putArray("source_branch").add("is invalid");
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).willReturn(json(422, invalid)));
        UpstreamInvalid unprocessable = expect(UpstreamInvalid.class,
                () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc", false)));
        assertTrue(unprocessable.detail().contains("422 (source_branch is invalid)"), unprocessable.detail());

        gitlab.resetAll();
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).willReturn(aResponse().withStatus(502)));
        Unavailable outage = expect(Unavailable.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc", false)));
        assertEquals("pull-request.unavailable", outage.code());
        assertEquals(Duration.ofSeconds(30), outage.retryAfter());
    }

    @Test
    void aRedirectIsNotFollowed() {
        gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://127.0.0.1:1/elsewhere")));

        UpstreamInvalid e = expect(UpstreamInvalid.class, () -> provider(Duration.ofSeconds(10)).open(draft("onboard/svc", false)));

        assertTrue(e.detail().contains("redirect"), e.detail());
    }

    /** The onboarding flow with GitLab: created, the same merge request again, the branch pushed once. */
    @Test
    void onboardingOpensTheMergeRequestOnceAndAnswersItAgain() throws IOException {
        try (PlatformNextRemote remote = PlatformNextRemote.create("onboard-gitlab")) {
            OnboardingService service = remote.service(provider(Duration.ofSeconds(10)));
            try {
                ServiceEntry entry = SampleEntries.paymentProcessor();
                gitlab.stubFor(get(urlPathMatching(".*/merge_requests")).inScenario("mr").whenScenarioStateIs(STARTED)
                        .willReturn(json(200, JSON.createArrayNode())));
                gitlab.stubFor(post(urlPathMatching(".*/merge_requests")).inScenario("mr").willSetStateTo("opened")
                        .willReturn(json(201, mergeRequest(42, "onboard/payment-processor"))));
                gitlab.stubFor(get(urlPathMatching(".*/merge_requests")).inScenario("mr").whenScenarioStateIs("opened")
                        .willReturn(json(200, list(mergeRequest(42, "onboard/payment-processor")))));

                OnboardingResult created = service.onboard(OnboardingRequests.of(entry));
                String pushed = remote.repo.head("onboard/payment-processor");
                assertEquals(new OnboardingResult("gitlab", 42,
                        "https://gitlab.example.com/group/platform-next/-/merge_requests/42", "onboard/payment-processor",
                        pushed, Status.CREATED), created);
                OnboardingResult again = service.onboard(OnboardingRequests.of(entry));
                assertEquals(Status.EXISTING, again.status());
                assertEquals(42, again.number());
                gitlab.verify(1, postRequestedFor(urlPathMatching(".*/merge_requests")));
                gitlab.verify(1, getRequestedFor(urlPathMatching(".*/merge_requests")));
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

    // ---- GitLab's documented shapes (REST API v4, merge requests) ------------------------------------

    private static final Set<String> LIST_PARAMETERS = Set.of("source_branch", "target_branch", "state");
    private static final Set<String> STATES = Set.of("opened", "closed", "locked", "merged", "all");
    private static final Set<String> CREATE_ATTRIBUTES = Set.of("source_branch", "target_branch", "title", "description",
            "assignee_id", "assignee_ids", "reviewer_ids", "labels", "milestone_id", "remove_source_branch", "squash",
            "target_project_id", "allow_collaboration");
    private static final List<String> CREATE_REQUIRED = List.of("source_branch", "target_branch", "title");
    private static final List<String> MERGE_REQUEST_FIELDS = List.of("id", "iid", "project_id", "title", "state",
            "source_branch", "target_branch", "web_url");

    /** Every request: the project path, the token header, the documented parameters; every JSON answer: its fields. */
    private void checkTraffic() throws IOException {
        for (ServeEvent event : gitlab.getAllServeEvents()) {
            var request = event.getRequest();
            URI url = URI.create(request.getUrl());
            assertEquals(MERGE_REQUESTS, url.getRawPath());
            assertEquals(TOKEN, request.getHeader("PRIVATE-TOKEN"));
            assertFalse(request.containsHeader("Authorization"), "one token header, not two");
            String method = request.getMethod().getName();
            if (method.equals("GET")) {
                Map<String, String> query = query(url);
                assertTrue(LIST_PARAMETERS.containsAll(query.keySet()), "undocumented parameter: " + query);
                assertTrue(STATES.contains(query.get("state")), "state " + query.get("state"));
            } else {
                assertEquals("POST", method);
                JsonNode body = JSON.readTree(request.getBodyAsString());
                body.fieldNames().forEachRemaining(name -> assertTrue(CREATE_ATTRIBUTES.contains(name), "undocumented " + name));
                CREATE_REQUIRED.forEach(name -> assertTrue(body.path(name).isTextual(), "missing " + name));
            }
            var response = event.getResponse();
            if (response.getStatus() < 300) {
                JsonNode answer = JSON.readTree(response.getBodyAsString());
                for (JsonNode mergeRequest : answer.isArray() ? answer : JSON.createArrayNode().add(answer)) {
                    MERGE_REQUEST_FIELDS.forEach(field -> assertTrue(mergeRequest.has(field), "answer lacks " + field));
                }
            }
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

    private static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** GitLab's 429: the body its rate limiter writes. */
    private static ResponseDefinitionBuilder tooManyRequests() {
        return aResponse().withStatus(429).withHeader("Content-Type", "text/plain")
                .withBody("Retry later\n");
    }

    /** A merge request as GitLab's docs show one (the fields this service and the checks read, and a few more). */
    private static ObjectNode mergeRequest(int iid, String branch) {
        ObjectNode mr = JSON.createObjectNode()
                .put("id", 1000 + iid).put("iid", iid).put("project_id", 3)
                .put("title", "Onboard svc").put("description", "The body").put("state", "opened")
                .put("created_at", "2025-06-01T12:00:00.000Z").put("updated_at", "2025-06-01T12:00:00.000Z")
                .put("target_branch", "main").put("source_branch", branch)
                .put("draft", false).put("work_in_progress", false)
                .put("merge_status", "checking").put("detailed_merge_status", "checking")
                .put("sha", "8888888888888888888888888888888888888888")
                .put("web_url", "https://gitlab.example.com/group/platform-next/-/merge_requests/" + iid);
        mr.putObject("author").put("id", 1).put("username", "onboarding-bot").put("name", "Onboarding bot")
                .put("state", "active").put("web_url", "https://gitlab.example.com/onboarding-bot");
        mr.putObject("references").put("short", "!" + iid).put("relative", "!" + iid)
                .put("full", "group/platform-next!" + iid);
        return mr;
    }

    private static ArrayNode list(ObjectNode mergeRequest) {
        return JSON.createArrayNode().add(mergeRequest);
    }
}
