package com.company.onboarding.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, the
 * way an operator runs it: for tests of start-up, configuration errors and several replicas.
 */
public final class PackagedService implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private volatile int port = -1;

    private PackagedService(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port = Integer.parseInt(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "packaged-service-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar with {@code properties} as system properties, on a free port. */
    public static PackagedService start(Map<String, String> properties) {
        return start(properties, Map.of());
    }

    /** Also with {@code environment} added to the process' environment, as a container sets it. */
    public static PackagedService start(Map<String, String> properties, Map<String, String> environment) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw verify (the jar is built in package)");
        }
        return start(Path.of(System.getProperty("java.home"), "bin", "java"), JAR.toAbsolutePath(), null, properties, environment);
    }

    /** Another build of the jar on another JVM, from the jar's directory (as the image runs it). */
    public static PackagedService start(Path java, Path jar, Map<String, String> properties, Map<String, String> environment) {
        return start(java, jar, jar.getParent(), properties, environment);
    }

    private static PackagedService start(Path java, Path jar, Path directory, Map<String, String> properties,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Dquarkus.http.port=0");
        command.add("-Dquarkus.http.host=127.0.0.1");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            return new PackagedService(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service listens; returns its base URL. */
    public String awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (port < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not start in " + timeout + ":\n" + output());
            }
            Thread.sleep(20);
        }
        return "http://127.0.0.1:" + port;
    }

    /** Waits for the process to exit (for start-up that must fail); returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the service is still running:\n" + output());
        }
        Thread.sleep(100); // let the reader drain the last lines
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
