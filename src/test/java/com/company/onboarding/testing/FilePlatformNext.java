package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * A test-built platform-next served over {@code file://}, and a fresh data directory.
 * The repository is injected into {@code @InjectRepo BareRepo} fields of the test.
 */
public class FilePlatformNext implements QuarkusTestResourceLifecycleManager {

    private BareRepo repo;

    @Override
    public Map<String, String> start() {
        Path root = Fixtures.freshDirectory("file-platform");
        repo = Fixtures.platformNext(root.resolve("platform-next.git"));
        return Map.of(
                "platform-next.url", repo.url(),
                "platform-next.refresh-interval", "5s",
                "onboarding.data-dir", root.resolve("data").toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(repo, new TestInjector.AnnotatedAndMatchesType(InjectRepo.class, BareRepo.class));
    }

    @Override
    public void stop() {
        repo.close();
    }
}
