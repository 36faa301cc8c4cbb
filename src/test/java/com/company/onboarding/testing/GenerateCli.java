package com.company.onboarding.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as {@code java -jar quarkus-run.jar generate ...}, as platform-next's CI
 * runs it: its exit code, and stdout and stderr apart (the report must be alone on stdout).
 */
public final class GenerateCli {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** What one run left: the exit code, stdout, stderr. */
    public record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private GenerateCli() {
    }

    /** Runs {@code generate args...} in {@code directory} with {@code properties} as system properties. */
    public static Result run(Path directory, Map<String, String> properties, String... args) {
        return command(directory, properties, Map.of(), prefix(properties), args);
    }

    /** Runs an arbitrary command line (e.g. the image's entrypoint) followed by {@code args}. */
    public static Result command(Path directory, Map<String, String> properties, Map<String, String> environment,
            List<String> prefix, String... args) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify (the jar is built in package)");
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("generate-stdout", ".txt");
            Path err = Files.createTempFile("generate-stderr", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("generate did not finish in 3 minutes: " + command);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -D... -jar quarkus-run.jar generate}. */
    private static List<String> prefix(Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.add("generate");
        return command;
    }
}
