package com.company.onboarding.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.entry.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutTest {

    @Test
    void theDefaultTrackIsTheEnvironmentAloneAndAnotherTrackIsAppended() {
        assertEquals("payment-processor/prod/euw1/monitoring",
                Layout.directory("payment-processor", Target.of("payment-processor", "prod", "stable", "euw1"), "stable"));
        assertEquals("payment-processor/int-canary/euw2/monitoring",
                Layout.directory("payment-processor", Target.of("payment-processor", "int", "canary", "euw2"), "stable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", ".."})
    void aNameThatWouldLeaveItsDirectoryIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> Layout.directory(name, Target.of(name, "prod", "stable", "euw1"), "stable"));
        assertThrows(IllegalArgumentException.class, () -> Layout.directory("svc", Target.of("svc", name, "stable", "euw1"), "stable"));
        assertThrows(IllegalArgumentException.class, () -> Layout.directory("svc", Target.of("svc", "prod", "stable", name), "stable"));
    }

    @Test
    void onlyPathsGenerateWritesCountAsItsOwn() {
        assertTrue(Layout.isGeneratedPath("svc/prod/euw1/monitoring/dynatrace-app-config.yaml"));
        assertTrue(Layout.isGeneratedPath("svc/int-canary/euw1/monitoring/kustomization.yaml"));
        for (String path : new String[] {"../svc/prod/euw1/monitoring/kustomization.yaml",
                "/etc/prod/euw1/monitoring/kustomization.yaml", "svc/../../euw1/monitoring/kustomization.yaml",
                "svc/prod/euw1/monitoring/other.yaml", "svc/prod/monitoring/kustomization.yaml",
                "Svc/prod/euw1/monitoring/kustomization.yaml", "svc/prod/euw1/monitoring/kustomization.yaml/x",
                ".monitoring-generated", "svc/./euw1/monitoring/kustomization.yaml"}) {
            assertFalse(Layout.isGeneratedPath(path), path);
        }
    }
}
