package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A test-built platform-next served over smart HTTP by a real git server, with a refresh
 * interval of zero so every request asks the remote. The server is injected into
 * {@code @InjectRepo SmartHttpGitServer} fields so a test can stop and restart it.
 */
public class HttpPlatformNext implements QuarkusTestResourceLifecycleManager {

    private BareRepo repo;
    private SmartHttpGitServer server;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("http-platform");
        repo = Fixtures.platformNext(root.resolve("repos/platform-next.git"));
        server = new SmartHttpGitServer(root.resolve("repos"), Optional.empty()).start();
        return Map.of(
                "platform-next.url", server.url("platform-next.git"),
                "platform-next.refresh-interval", "0s",
                "onboarding.git-timeout", "5s",
                "onboarding.data-dir", root.resolve("data").toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, SmartHttpGitServer.class));
        injector.injectIntoFields(repo, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, BareRepo.class));
    }

    @Override
    public void stop() {
        server.close();
        repo.close();
    }
}
