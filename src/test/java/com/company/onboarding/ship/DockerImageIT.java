package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.PackagedService;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile.jvm against the real build output ({@code target/quarkus-app} after
 * {@code package}), and its health checks, compose's and the Kubernetes probes run against the
 * packaged service: what a {@code docker build} and a container start would find out.
 */
class DockerImageIT {

    static final Path ROOT = DockerImageTest.ROOT;
    static final Path APP = ROOT.resolve("target/quarkus-app");

    final Dockerfile dockerfile = Dockerfile.read(DockerImageTest.DOCKERFILE);

    @Test
    void buildStageMirrorsTheRepositoryUnderItsWorkdir() {
        // The premise of the next tests: /build/<path> in the build stage is <path> in the repository.
        Dockerfile.Stage build = dockerfile.stage("build");
        assertEquals("/build", build.workdir().orElseThrow());
        for (Dockerfile.Copy copy : build.copies()) {
            assertEquals(1, copy.sources().size(), "line " + copy.line());
            String source = copy.sources().get(0);
            String destination = copy.destination().equals("./") ? "" : copy.destination();
            assertTrue(destination.isEmpty() && !source.contains("/") || destination.equals(source),
                    "line " + copy.line() + ": " + source + " must land at /build/" + source + ", not " + copy.destination());
        }
    }

    @Test
    void everyPathTheRuntimeTakesFromTheBuildStageExistsAfterTheBuild() {
        SortedMap<String, Path> files = runtimeFilesFromBuild();
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("/deployments/lib/")), files.keySet().toString());
        for (Path local : files.values()) {
            assertTrue(Files.isRegularFile(local), local.toString());
        }
    }

    @Test
    void theWholeFastJarLayoutIsCopiedButNothingElse() throws IOException {
        Set<String> copied = new TreeSet<>();
        runtimeFilesFromBuild().values().forEach(f -> copied.add(ImageContents.relative(APP, f).split("/")[0]));
        Set<String> built = new TreeSet<>();
        try (Stream<Path> entries = Files.list(APP)) {
            entries.map(p -> p.getFileName().toString()).forEach(built::add);
        }
        built.remove("quarkus-app-dependencies.txt"); // a build report, not needed at run time
        assertEquals(built, copied);
    }

    @Test
    void theEntrypointJarIsOneOfTheCopiedFiles() {
        List<String> entrypoint = dockerfile.runtime().last("ENTRYPOINT").orElseThrow().command();
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        SortedMap<String, Path> files = runtimeFilesFromBuild();
        assertTrue(files.containsKey(jar), jar + " not in " + files.keySet().stream().filter(f -> !f.contains("/lib/")).toList());
        assertEquals(APP.resolve("quarkus-run.jar"), files.get(jar));
    }

    @Test
    void healthChecksPassAgainstTheRunningServiceAndFailWhenItIsGone() throws Exception {
        List<String> imageCheck = dockerfile.runtime().last("HEALTHCHECK").orElseThrow().command();
        JsonNode composeCheck = Kustomize.read(DockerImageTest.COMPOSE).path("services").elements().next()
                .path("healthcheck").path("test");
        List<String> paths = new ArrayList<>(List.of(imageCheck.get(2), composeCheck.get(3).asText()));
        JsonNode container = KustomizeRenderTest.container(KustomizeRenderTest.render("base"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            paths.add(container.path(probe).path("httpGet").path("path").asText());
        }
        Path script = ROOT.resolve("docker/healthcheck.sh");
        int port;
        try (PackagedService service = PackagedService.start(Map.of(
                "onboarding.data-dir", Fixtures.freshDirectory("healthcheck").toString()))) {
            String base = service.awaitStarted(Duration.ofSeconds(60));
            port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
            for (String path : paths) {
                assertEquals(0, run(script, port, path), path + " must answer 200");
            }
            assertNotEquals(0, run(script, port, "/q/health/nope"), "a 404 is unhealthy");
        }
        assertNotEquals(0, run(script, port, imageCheck.get(2)), "nothing listens any more");
    }

    @Test
    void theExampleOverlaysEnvironmentConfiguresTheService() throws Exception {
        Path root = Fixtures.freshDirectory("overlay-env");
        String platformNext;
        String catalog;
        try (BareRepo repo = Fixtures.platformNext(root.resolve("platform-next.git"));
             BareRepo empty = BareRepo.create(root.resolve("metrics-catalog.git"))) {
            platformNext = repo.url();
            catalog = empty.url();
        }
        String token = "overlay-test-token";
        Map<String, String> env = new TreeMap<>(KustomizeRenderTest.environment(KustomizeRenderTest.render("overlays/example")));
        // Every address is swapped for a local one: this test contacts no host but 127.0.0.1.
        env.put("ONBOARDING_DATA_DIR", root.resolve("data").toString());
        env.put("PLATFORM_NEXT_URL", platformNext);
        env.put("METRICS_CATALOG_FETCH_URL", catalog);
        env.put("PULL_REQUEST_API_URL", "http://127.0.0.1:9");
        env.put("PULL_REQUEST_TOKEN", "unused");
        env.put("ACCESS_TOKENS_BACKSTAGE_TOKEN_SHA256", sha256(token));
        env.forEach((name, value) -> assertFalse(value.matches("(?i)https?://(?!127\\.0\\.0\\.1[:/]).*")
                && !name.equals("METRICS_CATALOG_URL"), name + " would reach " + value));

        try (PackagedService service = PackagedService.start(Map.of(), env)) {
            String base = service.awaitStarted(Duration.ofSeconds(60));
            RestAssured.given().baseUri(base).get("/profiles").then().statusCode(401);
            RestAssured.given().baseUri(base).auth().oauth2(token).get("/profiles").then().statusCode(200);
            String output = service.output();
            assertTrue(output.contains("platform-next: " + platformNext), output);
            assertFalse(output.contains("(embedded sample repository)"), output);
            assertTrue(output.contains("data directory: " + root.resolve("data")), output);
        }
    }

    /** Every file the runtime stage takes from the build stage, with its local counterpart. */
    SortedMap<String, Path> runtimeFilesFromBuild() {
        assertTrue(Files.isRegularFile(APP.resolve("quarkus-run.jar")), "run ./mvnw package first");
        SortedMap<String, Path> files = new TreeMap<>();
        for (Dockerfile.Copy copy : dockerfile.runtime().copies()) {
            if (copy.from() != null) {
                assertEquals("build", copy.from(), "line " + copy.line());
                files.putAll(ImageContents.of(copy, ROOT, "/build/", path -> true));
            }
        }
        return files;
    }

    @Test
    void theAppCdsStepWritesAnArchiveTheRuntimeFlagsMap() throws Exception {
        // The image's RUN step, with its paths mapped to the build output, and the image's own flags.
        Dockerfile.Stage runtime = dockerfile.runtime();
        List<String> step = runtime.all("RUN").stream().map(Dockerfile.Instruction::command)
                .filter(words -> words.get(0).endsWith("/appcds.sh")).findFirst().orElseThrow();
        String imageArchive = step.get(2);
        String options = runtime.env().get("JDK_JAVA_OPTIONS");
        assertTrue(options.contains("-XX:SharedArchiveFile=" + imageArchive), options);
        Dockerfile.Copy script = runtime.copies().stream().filter(c -> c.destination().equals(step.get(0)))
                .findFirst().orElseThrow(() -> new AssertionError(step.get(0) + " is not copied into the image"));
        assertEquals("/deployments/quarkus-run.jar", step.get(1));
        assertTrue(runtime.copies().stream().anyMatch(c -> c.destination().equals(step.get(0).replace("appcds.sh", "healthcheck.sh"))),
                "appcds.sh calls the health check next to it");

        Path archive = Fixtures.freshDirectory("appcds").resolve("app-cds.jsa");
        String localOptions = options.replace(imageArchive, archive.toString());
        ProcessBuilder training = new ProcessBuilder("bash", ROOT.resolve(script.sources().get(0)).toString(),
                APP.resolve("quarkus-run.jar").toString(), archive.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        training.environment().put("JDK_JAVA_OPTIONS", localOptions);
        Process process = training.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the training run did not finish");
        }
        assertEquals(0, process.exitValue(), "appcds.sh failed");
        assertTrue(Files.size(archive) > 1_000_000, "archive of " + Files.size(archive) + " bytes");

        // -Xshare:on: a JVM that cannot map the archive refuses to start instead of ignoring it.
        try (PackagedService service = PackagedService.start(
                Map.of("onboarding.data-dir", Fixtures.freshDirectory("appcds-run").toString()),
                Map.of("JDK_JAVA_OPTIONS", localOptions + " -Xshare:on"))) {
            String base = service.awaitStarted(Duration.ofSeconds(60));
            RestAssured.given().baseUri(base).get("/profiles").then().statusCode(200);
        }
    }

    private static int run(Path script, int port, String path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", script.toString(), String.valueOf(port), path)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the health check did not finish: " + path);
        }
        return process.exitValue();
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
