package com.company.onboarding.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A JDK 25 or newer on this machine, for the checks of the image's AOT build: {@code JAVA25_HOME}
 * (environment variable or system property), else the path where the development machines have
 * Temurin 25. The image's build stage runs on eclipse-temurin:25-jdk; the JDK's {@code release}
 * file says which feature release a directory holds.
 */
record Jdk25(Path home) {

    static final Path KNOWN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    static Optional<Jdk25> find() {
        String configured = System.getProperty("JAVA25_HOME", System.getenv("JAVA25_HOME"));
        Path home = configured == null || configured.isBlank() ? KNOWN : Path.of(configured);
        return feature(home) >= 25 ? Optional.of(new Jdk25(home)) : Optional.empty();
    }

    /** The JDK, or the calling test skipped with what to install or set. */
    static Jdk25 required() {
        Optional<Jdk25> jdk = find();
        Assumptions.assumeTrue(jdk.isPresent(), "skipped: the image builds and runs on JDK 25, and there is none here;"
                + " set JAVA25_HOME to a JDK 25 (or install one at " + KNOWN + ") to run this check");
        return jdk.orElseThrow();
    }

    Path java() {
        return home.resolve("bin/java");
    }

    private static int feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return 0;
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
