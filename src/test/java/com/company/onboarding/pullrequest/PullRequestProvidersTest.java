package com.company.onboarding.pullrequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.config.PullRequestConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provider configuration is checked at start-up, each problem named by its key. */
class PullRequestProvidersTest {

    /** A configuration with the defaults, and {@code values} by method name. */
    private static PullRequestConfig config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of(
                "provider", PullRequestConfig.Provider.local, "apiUrl", Optional.empty(), "repository", Optional.empty(),
                "token", Optional.empty(), "branchPrefix", "onboard/", "authorName", "Monitoring Onboarding",
                "authorEmail", "monitoring-onboarding@company.com", "maxAttempts", 5, "lockTimeout", Duration.ofSeconds(60),
                "connectTimeout", Duration.ofSeconds(10)));
        all.putAll(Map.of("readTimeout", Duration.ofSeconds(30), "rateLimitMaxWait", Duration.ofSeconds(10),
                "updateBranchPrefix", "update/"));
        all.putAll(values);
        return (PullRequestConfig) Proxy.newProxyInstance(PullRequestConfig.class.getClassLoader(),
                new Class<?>[] {PullRequestConfig.class}, (proxy, method, args) -> {
                    if (!all.containsKey(method.getName())) {
                        throw new IllegalStateException("no value for " + method.getName());
                    }
                    return all.get(method.getName());
                });
    }

    @Test
    void localNeedsNothing() {
        assertEquals(List.of(), PullRequestProviders.problems(config(Map.of())));
        assertInstanceOf(LocalPullRequests.class, new PullRequestProviders().provider(config(Map.of())));
    }

    @Test
    void githubWithoutApiUrlRepositoryOrTokenNamesEachKey() {
        List<String> problems = PullRequestProviders.problems(config(Map.of("provider", PullRequestConfig.Provider.github)));

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("pull-request.api-url must be set"), problems.get(0));
        assertTrue(problems.get(1).startsWith("pull-request.repository"), problems.get(1));
        assertTrue(problems.get(2).startsWith("pull-request.token must be set"), problems.get(2));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new PullRequestProviders()
                .check(null, config(Map.of("provider", PullRequestConfig.Provider.github))));
        assertTrue(e.getMessage().contains("pull-request.api-url") && e.getMessage().contains("pull-request.token"),
                e.getMessage());
    }

    @Test
    void githubWithEverythingGetsTheGitHubProvider() {
        PullRequestConfig github = config(Map.of("provider", PullRequestConfig.Provider.github,
                "apiUrl", Optional.of(URI.create("https://ghe.example.com/api/v3")),
                "repository", Optional.of("company/platform-next"), "token", Optional.of("t0ken")));

        assertEquals(List.of(), PullRequestProviders.problems(github));
        assertEquals("github", new PullRequestProviders().provider(github).name());
    }

    @Test
    void gitlabWithoutApiUrlRepositoryOrTokenNamesEachKey() {
        List<String> problems = PullRequestProviders.problems(config(Map.of("provider", PullRequestConfig.Provider.gitlab)));

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("pull-request.api-url must be set when pull-request.provider is gitlab"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("pull-request.repository (group/project"), problems.get(1));
        assertTrue(problems.get(2).startsWith("pull-request.token must be set when pull-request.provider is gitlab"),
                problems.get(2));
    }

    @Test
    void gitlabWithEverythingGetsTheGitLabProviderAndTakesSubgroups() {
        PullRequestConfig gitlab = config(Map.of("provider", PullRequestConfig.Provider.gitlab,
                "apiUrl", Optional.of(URI.create("https://gitlab.example.com/api/v4")),
                "repository", Optional.of("group/sub/platform-next"), "token", Optional.of("glpat-t0ken")));

        assertEquals(List.of(), PullRequestProviders.problems(gitlab));
        assertEquals("gitlab", new PullRequestProviders().provider(gitlab).name());
    }

    @Test
    void githubRepositoriesHaveNoSubgroups() {
        PullRequestConfig github = config(Map.of("provider", PullRequestConfig.Provider.github,
                "apiUrl", Optional.of(URI.create("https://api.github.com")),
                "repository", Optional.of("group/sub/platform-next"), "token", Optional.of("t0ken")));

        assertEquals(List.of("pull-request.repository must be owner/name when pull-request.provider is github"),
                PullRequestProviders.problems(github));
    }

    @Test
    void aBranchPrefixThatMakesNoBranchNameIsRefused() {
        for (String prefix : List.of("-x/", "on..board/", "on board/", "onboard//", "a.lock/")) {
            List<String> problems = PullRequestProviders.problems(config(Map.of("branchPrefix", prefix)));
            assertEquals(1, problems.size(), prefix);
            assertTrue(problems.get(0).startsWith("pull-request.branch-prefix"), problems.get(0));
        }
    }

    @Test
    void anUpdatePrefixThatMakesNoBranchNameOrEqualsTheOnboardingPrefixIsRefused() {
        assertEquals(List.of("pull-request.update-branch-prefix '-u/' does not make valid branch names (<prefix><service>)"),
                PullRequestProviders.problems(config(Map.of("updateBranchPrefix", "-u/"))));
        List<String> same = PullRequestProviders.problems(config(Map.of("updateBranchPrefix", "onboard/")));
        assertEquals(1, same.size(), same.toString());
        assertTrue(same.get(0).startsWith("pull-request.update-branch-prefix must differ"), same.get(0));
    }
}
