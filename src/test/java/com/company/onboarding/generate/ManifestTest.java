package com.company.onboarding.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestTest {

    static final String A = "a-api/prod/euw1/monitoring/dynatrace-app-config.yaml";
    static final String B = "b-job/int/euw1/monitoring/kustomization.yaml";

    @Test
    void rendersSortedPathsUnderAHeaderAndReadsThemBack() {
        byte[] bytes = Manifest.render(List.of(B, A));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# "), text);
        assertTrue(text.endsWith(A + "\n" + B + "\n"), text);
        assertArrayEquals(bytes, Manifest.render(Set.of(A, B)), "same paths, same bytes");
        assertEquals(List.of(A, B), List.copyOf(Manifest.parse(bytes).paths()));
    }

    @Test
    void aLineGenerateCannotHaveWrittenIsIgnoredAndReported() {
        Manifest manifest = Manifest.parse(("# header\n\n" + A + "\n../../etc/passwd\n/etc/hosts\r\n  " + B + "  \n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(A, B), List.copyOf(manifest.paths()));
        assertEquals(List.of("../../etc/passwd", "/etc/hosts"), manifest.ignored());
    }
}
