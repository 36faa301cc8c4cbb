package com.company.onboarding.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.company.onboarding.embedded.EmbeddedRepositories;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service with every secret it can hold in use: platform-next over smart HTTP that takes
 * pushes only with {@link #GIT_TOKEN}, the metrics-catalog over smart HTTP with a git password,
 * the {@code github} provider against WireMock ({@code /api/v3}) with {@link #PR_TOKEN}, and
 * bearer access tokens. It logs everything at DEBUG to a file, so a test can look for the
 * secrets in all of it. Both repositories hold the embedded sample content. WireMock, the git
 * server and the paths are injected into {@code @InjectRepo} fields.
 */
public class GitHubWithSecrets implements QuarkusTestResourceLifecycleManager {

    public static final String PR_TOKEN = "ghp_PRtoken0that0must0never0show0up0anywhere";
    public static final String GIT_TOKEN = "gitpush0token0that0must0never0show0up0anywhere";
    public static final String CATALOG_TOKEN = "catalog0password0that0must0never0show0up";
    public static final String ONBOARDER_TOKEN = "access0onboarder0token0never0to0show0up";
    public static final String READER_TOKEN = "access0reader0token0never0to0show0up";

    /** The log file and the platform-next repository's directory, for the test to read. */
    public record Paths(Path log, Path platformNext) {
    }

    private SmartHttpGitServer git;
    private WireMockServer github;
    private Paths paths;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("secrets");
        EmbeddedRepositories.ensure("platform-next", root.resolve("repos/platform-next.git"));
        EmbeddedRepositories.ensure("metrics-catalog", root.resolve("repos/metrics-catalog.git"));
        git = new SmartHttpGitServer(root.resolve("repos"), Optional.of(GIT_TOKEN)).start();
        github = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        github.start();
        paths = new Paths(root.resolve("service.log"), root.resolve("repos/platform-next.git"));
        Map<String, String> config = new HashMap<>();
        config.put("platform-next.url", git.url("platform-next.git"));
        config.put("platform-next.git-password", GIT_TOKEN);
        config.put("metrics-catalog.fetch-url", git.url("metrics-catalog.git"));
        config.put("metrics-catalog.git-password", CATALOG_TOKEN);
        config.put("pull-request.provider", "github");
        config.put("pull-request.api-url", github.baseUrl() + "/api/v3");
        config.put("pull-request.repository", "company/platform-next");
        config.put("pull-request.token", PR_TOKEN);
        config.put("pull-request.read-timeout", "2s");
        config.put("access.tokens.scaffolder.token", ONBOARDER_TOKEN);
        config.put("access.tokens.scaffolder.subject", "backstage-scaffolder");
        config.put("access.tokens.scaffolder.roles", "onboarder");
        config.put("access.tokens.ui.token", READER_TOKEN);
        config.put("access.tokens.ui.subject", "backstage-ui");
        config.put("access.tokens.ui.roles", "reader");
        config.put("onboarding.data-dir", root.resolve("data").toString());
        config.put("onboarding.git-timeout", "10s");
        // Everything at DEBUG into a file (start-up included); the console stays readable.
        config.put("quarkus.log.level", "DEBUG");
        config.put("quarkus.log.console.level", "INFO");
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.level", "DEBUG");
        config.put("quarkus.log.file.path", paths.log().toString());
        // Not the service's: the test's HTTP client (RestAssured) and its fake servers (Jetty, WireMock) log
        // what they send and receive, tokens included. None of them is in the service.
        for (String harness : new String[] {"org.apache.http", "org.eclipse.jetty", "wiremock", "com.github.tomakehurst"}) {
            config.put("quarkus.log.category.\"" + harness + "\".level", "INFO");
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(github, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, WireMockServer.class));
        injector.injectIntoFields(paths, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, Paths.class));
        injector.injectIntoFields(git, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, SmartHttpGitServer.class));
    }

    @Override
    public void stop() {
        github.stop();
        git.close();
    }
}
