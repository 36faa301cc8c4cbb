package com.company.onboarding.pullrequest;

import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code gitlab} provider: merge requests through GitLab's REST API v4, on GitLab.com or a
 * self-managed instance ({@code pull-request.api-url}, e.g. {@code https://gitlab.example.com/api/v4}).
 * The project is {@code pull-request.repository} ({@code group/platform-next}, subgroups allowed),
 * sent URL-encoded as its id ({@code group%2Fplatform-next}); the token goes in the
 * {@code PRIVATE-TOKEN} header. Finds the open merge request of a branch with
 * {@code GET /projects/:id/merge_requests?source_branch=<branch>&state=opened} and opens one with
 * {@code POST /projects/:id/merge_requests} ({@code source_branch}, {@code target_branch},
 * {@code title}, {@code description}; a draft's title starts with {@code Draft: }); GitLab's 409
 * "Another open merge request already exists" means "find it".
 *
 * <p>Faults as for GitHub: a 429 ({@code Retry-After}, or {@code RateLimit-Remaining: 0} with
 * {@code RateLimit-Reset}) is waited out within {@code pull-request.rate-limit-max-wait}, else a
 * 503 with the time left, and remembered ({@link RateLimitMemory}): until it ends, requests are
 * that 503 without calling GitLab; a limit that names no time backs off exponentially. 5xx,
 * timeouts and refused connections are 503; any other answer (401, 403, 404, a redirect, a 422)
 * is 502 {@code pull-request.failed} with GitLab's message. Redirects are never followed and the
 * token is never logged.
 */
public final class GitLabMergeRequests implements PullRequestProvider {

    public static final String NAME = "gitlab";
    static final String DRAFT_PREFIX = "Draft: ";

    private static final Logger LOG = Logger.getLogger(GitLabMergeRequests.class);
    private static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(30);
    private static final int MAX_RATE_LIMIT_RETRIES = 3;

    private final HttpClient http;
    private final URI mergeRequests;
    private final String token;
    private final Duration readTimeout;
    private final Duration rateLimitMaxWait;
    private final Clock clock;
    private final GitHubPullRequests.Sleeper sleeper;
    private final RateLimitMemory rateLimit;

    /**
     * @param apiUrl  {@code https://gitlab.com/api/v4} or {@code https://<host>/api/v4}
     * @param project the project's full path, {@code group/platform-next} or {@code group/sub/platform-next}
     */
    public GitLabMergeRequests(URI apiUrl, String project, String token, Duration connectTimeout, Duration readTimeout,
            Duration rateLimitMaxWait) {
        this(apiUrl, project, token, connectTimeout, readTimeout, rateLimitMaxWait, Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    GitLabMergeRequests(URI apiUrl, String project, String token, Duration connectTimeout, Duration readTimeout,
            Duration rateLimitMaxWait, Clock clock, GitHubPullRequests.Sleeper sleeper) {
        String base = apiUrl.toString().replaceAll("/+$", "");
        this.mergeRequests = URI.create(base + "/projects/" + encode(project) + "/merge_requests");
        this.token = token;
        this.readTimeout = readTimeout;
        this.rateLimitMaxWait = rateLimitMaxWait;
        this.clock = clock;
        this.sleeper = sleeper;
        this.rateLimit = new RateLimitMemory(clock);
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<PullRequestLink> findOpen(String branch) {
        URI uri = URI.create(mergeRequests + "?source_branch=" + encode(branch) + "&state=opened");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), "look up the merge request of " + branch);
        if (response.statusCode() != 200) {
            throw failed(response, "look up the merge request of " + branch);
        }
        JsonNode list = HostAnswers.json(response, GitLabMergeRequests::invalid);
        if (!list.isArray()) {
            throw invalid("the list of merge requests is not a list");
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(link(list.get(0)));
    }

    @Override
    public Opened open(PullRequestDraft draft) {
        ObjectNode body = YamlTrees.NODES.objectNode()
                .put("source_branch", draft.branch())
                .put("target_branch", draft.base())
                .put("title", draft.draft() ? DRAFT_PREFIX + draft.title() : draft.title())
                .put("description", draft.body());
        HttpResponse<String> response = send(HttpRequest.newBuilder(mergeRequests)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                "open the merge request of " + draft.branch());
        if (response.statusCode() == 201) {
            PullRequestLink link = link(HostAnswers.json(response, GitLabMergeRequests::invalid));
            LOG.infof("GitLab: opened merge request !%d from %s", link.number(), draft.branch());
            return new Opened(link, true);
        }
        if (response.statusCode() == 409 && messages(response).contains("already exists")) {
            // Another request (or replica) opened it first: the same merge request is the answer.
            return findOpen(draft.branch()).map(link -> new Opened(link, false)).orElseThrow(() -> new Unavailable(
                    "pull-request.unavailable", "GitLab says a merge request from " + draft.branch()
                    + " exists but does not list it yet; retry", Duration.ofSeconds(5), null));
        }
        throw failed(response, "open the merge request of " + draft.branch());
    }

    /** One call, rate limits waited out within the bound; a 2xx to 4xx answer is returned as it is. */
    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        Optional<Duration> blocked = rateLimit.remaining();
        if (blocked.isPresent()) {
            throw unavailable("GitLab's rate limit, reported earlier, has not ended; nothing is sent to GitLab"
                    + " before then to " + what, blocked.get());
        }
        HttpRequest built = request
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "monitoring-onboarding-api")
                .header("PRIVATE-TOKEN", token)
                .build();
        Duration waited = Duration.ZERO;
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                throw unavailable("GitLab did not answer in time to " + what, UNAVAILABLE_RETRY_AFTER);
            } catch (IOException e) {
                LOG.warnf("GitLab: cannot %s: %s", what, e.getClass().getSimpleName());
                throw unavailable("cannot reach GitLab to " + what, UNAVAILABLE_RETRY_AFTER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while waiting for GitLab to " + what, UNAVAILABLE_RETRY_AFTER);
            }
            if (response.statusCode() == 429) {
                Duration wait = limited(response);
                if (retry < MAX_RATE_LIMIT_RETRIES && waited.plus(wait).compareTo(rateLimitMaxWait) <= 0) {
                    LOG.infof("GitLab: rate limited while trying to %s; waiting %d ms", what, wait.toMillis());
                    pause(wait, what);
                    waited = waited.plus(wait);
                    continue;
                }
                LOG.warnf("GitLab: rate limited while trying to %s; asking the caller to retry in %d s", what,
                        Math.max(1, wait.toSeconds()));
                throw unavailable("GitLab's rate limit stops this request to " + what + "; retry later", wait);
            }
            rateLimit.answered();
            if (response.statusCode() >= 500) {
                LOG.warnf("GitLab: answered %d while trying to %s", response.statusCode(), what);
                throw unavailable("GitLab answered " + response.statusCode() + " to the request to " + what,
                        HostAnswers.retryAfter(response).orElse(UNAVAILABLE_RETRY_AFTER));
            }
            return response;
        }
    }

    /** A 429: GitLab's {@code Retry-After}, else its {@code RateLimit-Reset}, else a backoff; remembered. */
    private Duration limited(HttpResponse<String> response) {
        Optional<Duration> retryAfter = HostAnswers.retryAfter(response);
        if (retryAfter.isPresent()) {
            return rateLimit.limited(retryAfter, false);
        }
        Optional<String> remaining = response.headers().firstValue("RateLimit-Remaining");
        Optional<String> reset = response.headers().firstValue("RateLimit-Reset");
        if (remaining.map(String::strip).filter("0"::equals).isPresent() && reset.isPresent()) {
            try {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
                return rateLimit.limited(Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait),
                        false);
            } catch (NumberFormatException e) {
                // fall through: a limit that names no usable time
            }
        }
        return rateLimit.limited(Optional.empty(), true);
    }

    private void pause(Duration wait, String what) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for GitLab's rate limit to " + what, wait);
        }
    }

    private static PullRequestLink link(JsonNode mergeRequest) {
        if (!mergeRequest.path("iid").canConvertToInt() || !mergeRequest.path("web_url").isTextual()) {
            throw invalid("a merge request without iid or web_url");
        }
        return new PullRequestLink(mergeRequest.get("iid").intValue(), mergeRequest.get("web_url").asText());
    }

    /**
     * GitLab's {@code message} (or {@code error}), one line and bounded. It is a string, a list of
     * strings ("Another open merge request already exists for this source branch: !5") or a map
     * of field to strings, depending on the endpoint.
     */
    private static String messages(HttpResponse<String> response) {
        JsonNode body = HostAnswers.jsonQuietly(response);
        List<String> parts = new ArrayList<>();
        flatten(body.has("message") ? body.get("message") : body.path("error"), "", parts);
        return PullRequestText.oneLine(String.join("; ", parts));
    }

    private static void flatten(JsonNode node, String field, List<String> parts) {
        if (node.isValueNode()) {
            parts.add(field.isEmpty() ? node.asText() : field + " " + node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> flatten(item, field, parts));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(f.getValue(), f.getKey(), parts));
        }
    }

    private static UpstreamInvalid failed(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        String reason = status >= 300 && status < 400
                ? "a redirect, which is not followed (check pull-request.api-url and pull-request.repository)"
                : status + (messages(response).isEmpty() ? "" : " (" + messages(response) + ")");
        LOG.warnf("GitLab: cannot %s: %s", what, reason);
        return new UpstreamInvalid("pull-request.failed", "GitLab refused the request to " + what + ": " + reason);
    }

    private static UpstreamInvalid invalid(String what) {
        return new UpstreamInvalid("pull-request.failed", "GitLab answered with " + what);
    }

    private static Unavailable unavailable(String detail, Duration retryAfter) {
        return new Unavailable("pull-request.unavailable", detail, retryAfter, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
