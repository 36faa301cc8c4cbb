package com.company.onboarding.pullrequest;

import com.company.onboarding.config.PullRequestConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;

/**
 * The configured {@link PullRequestProvider}, checked at start-up: {@code github} or
 * {@code gitlab} without its API URL, repository or token, or a branch prefix that makes no
 * valid branch name stop the service with one message naming the keys, rather than failing the
 * first onboarding.
 */
@Singleton
public class PullRequestProviders {

    void check(@Observes StartupEvent start, PullRequestConfig config) {
        if (ConfigUtils.isProfileActive("generate")) {
            return; // the CI generator opens no pull request: the service's settings need not be there
        }
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems));
        }
    }

    @Produces
    @Singleton
    PullRequestProvider provider(PullRequestConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems));
        }
        return switch (config.provider()) {
            case local -> new LocalPullRequests();
            case github -> new GitHubPullRequests(config.apiUrl().orElseThrow(), config.repository().orElseThrow(),
                    config.token().orElseThrow(), config.connectTimeout(), config.readTimeout(), config.rateLimitMaxWait());
            case gitlab -> new GitLabMergeRequests(config.apiUrl().orElseThrow(), config.repository().orElseThrow(),
                    config.token().orElseThrow(), config.connectTimeout(), config.readTimeout(), config.rateLimitMaxWait());
        };
    }

    /** The API URL, repository and token a PR host needs, each missing one named. */
    private static void hostKeys(PullRequestConfig config, String provider, String apiUrlExamples, List<String> problems) {
        if (config.apiUrl().isEmpty()) {
            problems.add("pull-request.api-url must be set when pull-request.provider is " + provider + " ("
                    + apiUrlExamples + ")");
        } else if (!List.of("https", "http").contains(String.valueOf(config.apiUrl().get().getScheme()))
                || config.apiUrl().get().getHost() == null) {
            problems.add("pull-request.api-url must be an https:// (or http://) URL with a host");
        }
        if (config.repository().isEmpty()) {
            problems.add("pull-request.repository (" + (provider.equals("github") ? "owner/name" : "group/project")
                    + " of platform-next) must be set when pull-request.provider is " + provider);
        }
        if (config.token().filter(token -> !token.isBlank()).isEmpty()) {
            problems.add("pull-request.token must be set when pull-request.provider is " + provider);
        }
    }

    /** What is wrong with the configuration, one sentence per problem naming the key; empty when fine. */
    static List<String> problems(PullRequestConfig config) {
        List<String> problems = new ArrayList<>();
        String prefix = config.branchPrefix();
        String branch = prefix + "service";
        // JGit accepts a leading '-' (an option to git's command line) and '.lock' components (git's lock files).
        if (prefix.startsWith("-") || prefix.contains(".lock/") || !Repository.isValidRefName("refs/heads/" + branch)) {
            problems.add("pull-request.branch-prefix '" + PullRequestText.oneLine(prefix)
                    + "' does not make valid branch names (<prefix><service>)");
        }
        String update = config.updateBranchPrefix();
        if (update.startsWith("-") || update.contains(".lock/") || !Repository.isValidRefName("refs/heads/" + update + "service")) {
            problems.add("pull-request.update-branch-prefix '" + PullRequestText.oneLine(update)
                    + "' does not make valid branch names (<prefix><service>)");
        } else if (update.equals(prefix)) {
            problems.add("pull-request.update-branch-prefix must differ from pull-request.branch-prefix ('"
                    + PullRequestText.oneLine(prefix) + "'): an update and an onboarding of one service would share a branch");
        }
        switch (config.provider()) {
            case local -> {
            }
            case github -> {
                hostKeys(config, "github", "https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise",
                        problems);
                if (config.repository().filter(r -> r.chars().filter(c -> c == '/').count() != 1).isPresent()) {
                    problems.add("pull-request.repository must be owner/name when pull-request.provider is github");
                }
            }
            case gitlab -> hostKeys(config, "gitlab", "https://gitlab.com/api/v4, or https://<host>/api/v4 for"
                    + " a self-managed GitLab", problems);
        }
        return problems;
    }
}
