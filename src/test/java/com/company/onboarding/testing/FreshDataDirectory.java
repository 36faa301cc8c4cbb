package com.company.onboarding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The embedded default (no platform-next or catalog configured) on a data directory of its own:
 * what an operator gets from the image. For {@code @QuarkusIntegrationTest}s, where the packaged
 * app runs in the prod profile and has no fallback data directory.
 */
public class FreshDataDirectory implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("onboarding.data-dir", Fixtures.freshDirectory("packaged").toString());
    }

    @Override
    public void stop() {
        // the directory stays under target/ for a look after a failure
    }
}
