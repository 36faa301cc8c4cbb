package com.company.onboarding.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test files under src/test/resources/fixtures, and fresh directories under target/. */
public final class Fixtures {

    public static final String PROFILES_PATH = "kustomize/catalog/monitoring-profiles.yaml";
    public static final String SERVICES_PATH = "kustomize/catalog/services.yaml";

    private Fixtures() {
    }

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty directory under target/test-data, unique to this call. */
    public static Path freshDirectory(String prefix) {
        try {
            Path base = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A platform-next with the test profiles and services, on branch main. */
    public static BareRepo platformNext(Path directory) {
        BareRepo repo = BareRepo.create(directory);
        repo.commit("main", "test platform-next", java.util.Map.of(
                PROFILES_PATH, text("platform-next/monitoring-profiles.yaml"),
                SERVICES_PATH, text("platform-next/services.yaml")));
        return repo;
    }
}
