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
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code github} provider: GitHub's REST API v3 (or GitHub Enterprise Server's, through
 * {@code pull-request.api-url}). Finds the open pull request of a branch with
 * {@code GET /repos/{owner}/{repo}/pulls?head={owner}:{branch}&state=open} and opens one with
 * {@code POST /repos/{owner}/{repo}/pulls}; GitHub's 422 "A pull request already exists" means
 * "find it".
 *
 * <p>Faults: rate limits (403 or 429 with {@code Retry-After}, or with
 * {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset}) are waited out while the total
 * wait stays within {@code pull-request.rate-limit-max-wait}, else 503 {@code pull-request.unavailable}
 * with GitHub's {@code Retry-After}. The limit is remembered ({@link RateLimitMemory}): until it
 * ends, every request is that 503 without calling GitHub, and repeated secondary limits back off
 * exponentially, as GitHub's docs ask. 5xx, timeouts and refused connections are 503 too. Any
 * other answer (401, 404, a redirect, another 422) is 502 {@code pull-request.failed} with
 * GitHub's message and its {@code errors[].message} ("No commits between main and ..."):
 * retrying will not help, the configuration must change. Redirects are never followed (the token would go with
 * them), and neither the token nor the {@code Authorization} header is ever logged.
 */
public final class GitHubPullRequests implements PullRequestProvider {

    public static final String NAME = "github";
    static final String API_VERSION = "2022-11-28";
    static final String MEDIA_TYPE = "application/vnd.github+json";

    private static final Logger LOG = Logger.getLogger(GitHubPullRequests.class);
    private static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(30);
    private static final int MAX_RATE_LIMIT_RETRIES = 3;

    /** Waits out a rate limit; tests record the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI pulls;
    private final String owner;
    private final String token;
    private final Duration readTimeout;
    private final Duration rateLimitMaxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimitMemory rateLimit;

    /**
     * @param apiUrl     {@code https://api.github.com} or {@code https://<host>/api/v3}
     * @param repository {@code owner/name} of platform-next
     */
    public GitHubPullRequests(URI apiUrl, String repository, String token, Duration connectTimeout,
            Duration readTimeout, Duration rateLimitMaxWait) {
        this(apiUrl, repository, token, connectTimeout, readTimeout, rateLimitMaxWait, Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    GitHubPullRequests(URI apiUrl, String repository, String token, Duration connectTimeout, Duration readTimeout,
            Duration rateLimitMaxWait, Clock clock, Sleeper sleeper) {
        String base = apiUrl.toString().replaceAll("/+$", "");
        String[] ownerAndName = repository.split("/", 2);
        this.owner = ownerAndName[0];
        this.pulls = URI.create(base + "/repos/" + encode(ownerAndName[0]) + "/" + encode(ownerAndName[1]) + "/pulls");
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
        URI uri = URI.create(pulls + "?head=" + encode(owner + ":" + branch) + "&state=open");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), "look up the pull request of " + branch);
        if (response.statusCode() != 200) {
            throw failed(response, "look up the pull request of " + branch);
        }
        JsonNode list = HostAnswers.json(response, GitHubPullRequests::invalid);
        if (!list.isArray()) {
            throw invalid("the list of pull requests is not a list");
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(link(list.get(0)));
    }

    @Override
    public Opened open(PullRequestDraft draft) {
        ObjectNode body = YamlTrees.NODES.objectNode()
                .put("title", draft.title())
                .put("head", draft.branch())
                .put("base", draft.base())
                .put("body", draft.body())
                .put("draft", draft.draft());
        HttpResponse<String> response = send(HttpRequest.newBuilder(pulls)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                "open the pull request of " + draft.branch());
        if (response.statusCode() == 201) {
            PullRequestLink link = link(HostAnswers.json(response, GitHubPullRequests::invalid));
            LOG.infof("GitHub: opened pull request #%d from %s", link.number(), draft.branch());
            return new Opened(link, true);
        }
        if (response.statusCode() == 422 && alreadyExists(response)) {
            // Another request (or replica) opened it first: the same pull request is the answer.
            return findOpen(draft.branch()).map(link -> new Opened(link, false)).orElseThrow(() -> new Unavailable(
                    "pull-request.unavailable", "GitHub says a pull request from " + draft.branch()
                    + " exists but does not list it yet; retry", Duration.ofSeconds(5), null));
        }
        throw failed(response, "open the pull request of " + draft.branch());
    }

    /** One call, rate limits waited out within the bound; a 2xx to 4xx answer is returned as it is. */
    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        HttpRequest built = request
                .timeout(readTimeout)
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "monitoring-onboarding-api")
                .header("Authorization", "Bearer " + token)
                .build();
        Optional<Duration> blocked = rateLimit.remaining();
        if (blocked.isPresent()) {
            throw unavailable("GitHub's rate limit, reported earlier, has not ended; nothing is sent to GitHub"
                    + " before then to " + what, blocked.get());
        }
        Duration waited = Duration.ZERO;
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                throw unavailable("GitHub did not answer in time to " + what, UNAVAILABLE_RETRY_AFTER);
            } catch (IOException e) {
                LOG.warnf("GitHub: cannot %s: %s", what, e.getClass().getSimpleName());
                throw unavailable("cannot reach GitHub to " + what, UNAVAILABLE_RETRY_AFTER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while waiting for GitHub to " + what, UNAVAILABLE_RETRY_AFTER);
            }
            Optional<Limit> limited = rateLimited(response);
            if (limited.isPresent()) {
                Duration wait = rateLimit.limited(limited.get().named(), limited.get().secondary());
                if (retry < MAX_RATE_LIMIT_RETRIES && waited.plus(wait).compareTo(rateLimitMaxWait) <= 0) {
                    LOG.infof("GitHub: rate limited (%d) while trying to %s; waiting %d ms", response.statusCode(),
                            what, wait.toMillis());
                    pause(wait, what);
                    waited = waited.plus(wait);
                    continue;
                }
                LOG.warnf("GitHub: rate limited (%d) while trying to %s; asking the caller to retry in %d s",
                        response.statusCode(), what, seconds(wait));
                throw unavailable("GitHub's rate limit stops this request to " + what + "; retry later", wait);
            }
            rateLimit.answered();
            if (response.statusCode() >= 500) {
                LOG.warnf("GitHub: answered %d while trying to %s", response.statusCode(), what);
                throw unavailable("GitHub answered " + response.statusCode() + " to the request to " + what,
                        HostAnswers.retryAfter(response).orElse(UNAVAILABLE_RETRY_AFTER));
            }
            return response;
        }
    }

    /** A rate limit: the time GitHub named (empty: none), and whether it is a secondary limit. */
    private record Limit(Optional<Duration> named, boolean secondary) {
    }

    /** The rate limit this answer reports; empty for any other answer. */
    private Optional<Limit> rateLimited(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = HostAnswers.retryAfter(response);
        Optional<String> remaining = response.headers().firstValue("x-ratelimit-remaining");
        Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
        if (retryAfter.isEmpty() && remaining.map(String::strip).filter("0"::equals).isPresent() && reset.isPresent()) {
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
                Duration wait = Duration.between(clock.instant(), at);
                // A reset in the past (clock skew) still waits a moment rather than hammering.
                return Optional.of(new Limit(Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                        : wait), false));
            } catch (NumberFormatException e) {
                return Optional.of(new Limit(Optional.empty(), false));
            }
        }
        if (retryAfter.isPresent() || status == 429 || message(response).toLowerCase(Locale.ROOT).contains("rate limit")) {
            return Optional.of(new Limit(retryAfter, true));
        }
        return Optional.empty();
    }

    private void pause(Duration wait, String what) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for GitHub's rate limit to " + what, wait);
        }
    }

    private static boolean alreadyExists(HttpResponse<String> response) {
        JsonNode body = HostAnswers.jsonQuietly(response);
        if (body.path("message").asText().contains("A pull request already exists")) {
            return true;
        }
        for (JsonNode error : body.path("errors")) {
            if (error.path("message").asText().contains("A pull request already exists")) {
                return true;
            }
        }
        return false;
    }

    private static PullRequestLink link(JsonNode pull) {
        if (!pull.path("number").canConvertToInt() || !pull.path("html_url").isTextual()) {
            throw invalid("a pull request without number or html_url");
        }
        return new PullRequestLink(pull.get("number").intValue(), pull.get("html_url").asText());
    }

    /** GitHub's own {@code message}, one line and bounded: it names the problem and never the token. */
    private static String message(HttpResponse<String> response) {
        String message = HostAnswers.jsonQuietly(response).path("message").asText("");
        return PullRequestText.oneLine(message);
    }

    /** The {@code message} and every {@code errors[].message}: "Validation Failed: No commits between ...". */
    private static String messages(HttpResponse<String> response) {
        JsonNode body = HostAnswers.jsonQuietly(response);
        StringBuilder all = new StringBuilder(body.path("message").asText(""));
        String separator = all.length() == 0 ? "" : ": ";
        for (JsonNode error : body.path("errors")) {
            String detail = error.isTextual() ? error.asText() : error.path("message").asText("");
            if (!detail.isBlank()) {
                all.append(separator).append(detail);
                separator = "; ";
            }
        }
        return PullRequestText.oneLine(all.toString());
    }

    private static UpstreamInvalid failed(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        String reason = status >= 300 && status < 400
                ? "a redirect, which is not followed (check pull-request.api-url and pull-request.repository)"
                : status + (messages(response).isEmpty() ? "" : " (" + messages(response) + ")");
        LOG.warnf("GitHub: cannot %s: %s", what, reason);
        return new UpstreamInvalid("pull-request.failed", "GitHub refused the request to " + what + ": " + reason);
    }

    private static UpstreamInvalid invalid(String what) {
        return new UpstreamInvalid("pull-request.failed", "GitHub answered with " + what);
    }

    private static Unavailable unavailable(String detail, Duration retryAfter) {
        return new Unavailable("pull-request.unavailable", detail, retryAfter, null);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
