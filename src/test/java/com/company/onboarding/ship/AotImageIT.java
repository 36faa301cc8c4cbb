package com.company.onboarding.ship;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.PackagedService;
import com.company.onboarding.validation.Entries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The image's AOT variant run as the image runs it, on the local JDK 25 (skipped with a message
 * where there is none): the build stage replayed from the Dockerfile ({@link DockerBuildReplay}:
 * {@code ./mvnw -Paot verify}, whose integration tests train the cache), the runtime stage's check
 * that its JVM accepts the cache, and the service started from {@code /deployments} with the
 * Dockerfile's {@code JDK_JAVA_OPTIONS} plus {@code -XX:AOTMode=on}, which refuses to start rather
 * than run without the cache.
 */
class AotImageIT {

    final Dockerfile dockerfile = Dockerfile.read(DockerImageTest.DOCKERFILE);
    final Dockerfile.Stage runtime = dockerfile.runtime();

    @Test
    void theRuntimeStagesCheckAcceptsTheTrainedCacheAndRefusesAJarWithAnotherTime() throws Exception {
        Jdk25 jdk = Jdk25.required();
        Map<String, Path> mapping = DockerBuildReplay.runtime(dockerfile, jdk);
        List<String> check = runtime.all("RUN").stream().map(Dockerfile.Instruction::command)
                .filter(words -> words.get(0).equals("java")).findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage checks its cache with java"));
        assertEquals(0, java(jdk, check, mapping), "the runtime's JVM refuses the cache the build trained");

        // What a builder that rewrites file times would do to one jar: the same check must then fail the build.
        Path jar;
        try (Stream<Path> jars = Files.list(DockerBuildReplay.DEPLOYMENTS.resolve("lib/main"))) {
            jar = jars.sorted().findFirst().orElseThrow();
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(built.toInstant().plusSeconds(3600)));
            assertNotEquals(0, java(jdk, check, mapping), "a jar changed since the training must fail the check");
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }

    @Test
    void servesTheTourOnTheImagesFlagsWithItsCache() throws Exception {
        Jdk25 jdk = Jdk25.required();
        Map<String, Path> mapping = DockerBuildReplay.runtime(dockerfile, jdk);
        String options = DockerBuildReplay.local(runtime.env().get("JDK_JAVA_OPTIONS"), mapping);
        assertTrue(options.contains("-XX:AOTCache=" + DockerBuildReplay.DEPLOYMENTS.resolve("app.aot")), options);
        List<String> entrypoint = runtime.last("ENTRYPOINT").orElseThrow().command();
        Path jar = Path.of(DockerBuildReplay.local(entrypoint.get(entrypoint.indexOf("-jar") + 1), mapping));
        Path data = Fixtures.freshDirectory("aot-image");

        try (PackagedService service = PackagedService.start(jdk.java(), jar,
                Map.of("onboarding.data-dir", data.resolve("data").toString()),
                Map.of("JDK_JAVA_OPTIONS", options + " -XX:AOTMode=on", "XDG_CONFIG_HOME", data.resolve("config").toString()))) {
            String base = service.awaitStarted(Duration.ofSeconds(90));
            given().baseUri(base).get("/profiles").then().statusCode(200)
                    .body("profiles.name", contains("domain-api", "batch-job-observability", "listener-observability"));
            given().baseUri(base).contentType("application/json").body(Entries.paymentProcessor().toString())
                    .post("/services/validate").then().statusCode(200).body("valid", equalTo(true));
            given().baseUri(base).get("/services/account-service/preview").then().statusCode(200)
                    .body("service", equalTo("account-service")).body("targets", hasSize(6));
            assertTrue(service.output().contains("-XX:AOTMode=on"), "the launcher reads JDK_JAVA_OPTIONS:\n" + service.output());
        }
    }

    /** One of the image's java commands, on the local JDK, from the image's WORKDIR, with its environment. */
    private int java(Jdk25 jdk, List<String> words, Map<String, Path> mapping) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        words.subList(1, words.size()).forEach(w -> command.add(DockerBuildReplay.local(w, mapping)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(Path.of(DockerBuildReplay.local(runtime.workdir().orElseThrow(), mapping)).toFile());
        builder.environment().put("JDK_JAVA_OPTIONS", DockerBuildReplay.local(runtime.env().get("JDK_JAVA_OPTIONS"), mapping));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return process.exitValue();
    }
}
