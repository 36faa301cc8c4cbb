package com.company.onboarding.testing;

import com.company.onboarding.embedded.EmbeddedRepositories;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded sample platform-next served over smart HTTP by a real git server that takes
 * pushes with {@link #GIT_TOKEN}, asked on every request (refresh interval zero); the catalog is
 * the embedded one; provider {@code local}. The server ({@code @InjectRepo SmartHttpGitServer})
 * can refuse pushes or stop; the repository's directory is injected as {@code @InjectRepo Path}.
 */
public class EmbeddedPlatformNextOverHttp implements QuarkusTestResourceLifecycleManager {

    public static final String GIT_TOKEN = "push0token0of0the0embedded0platform";

    private SmartHttpGitServer server;
    private Path repository;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("embedded-http");
        repository = root.resolve("repos/platform-next.git");
        EmbeddedRepositories.ensure("platform-next", repository);
        server = new SmartHttpGitServer(root.resolve("repos"), Optional.of(GIT_TOKEN)).start();
        return Map.of(
                "platform-next.url", server.url("platform-next.git"),
                "platform-next.git-password", GIT_TOKEN,
                "platform-next.refresh-interval", "0s",
                "onboarding.git-timeout", "5s",
                "onboarding.data-dir", root.resolve("data").toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, SmartHttpGitServer.class));
        injector.injectIntoFields(repository, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, Path.class));
    }

    @Override
    public void stop() {
        server.close();
    }
}
