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
 * docker/Dockerfile.jvm against the real build output (its build stage replayed on the local
 * JDK 25 by {@link DockerBuildReplay}; those checks are skipped without one), and its health
 * checks, compose's and the Kubernetes probes run against the packaged service: what a
 * {@code docker build} and a container start would find out. {@link AotImageIT} runs the result.
 */
class DockerImageIT {

    static final Path ROOT = DockerImageTest.ROOT;

    final Dockerfile dockerfile = Dockerfile.read(DockerImageTest.DOCKERFILE);

    @Test
    void buildStageMirrorsTheRepositoryUnderItsWorkdir() {
        // The premise of the next tests: /build/<path> in the build stage is <path> in the repository.
        Dockerfile.Stage build = dockerfile.stage("build");
        assertEquals("/build", build.workdir().orElseThrow());
        for (Dockerfile.Copy copy : build.copies()) {
            if (copy.from() != null) {
                continue; // the runtime image's JRE (DockerImageTest.theCacheIsTrainedOnTheRuntimesOwnJre)
            }
            assertEquals(1, copy.sources().size(), "line " + copy.line());
            String source = copy.sources().get(0);
            String destination = copy.destination().equals("./") ? "" : copy.destination();
            assertTrue(destination.isEmpty() && !source.contains("/") || destination.equals(source),
                    "line " + copy.line() + ": " + source + " must land at /build/" + source + ", not " + copy.destination());
        }
    }

    @Test
    void everyPathTheRuntimeTakesFromTheBuildStageExistsAfterTheBuild() throws Exception {
        SortedMap<String, Path> files = runtimeFilesFromBuild();
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("/deployments/lib/")), files.keySet().toString());
        for (Path local : files.values()) {
            assertTrue(Files.isRegularFile(local), local.toString());
        }
    }

    @Test
    void theWholeQuarkusAppLayoutAndItsCacheAreCopiedButNothingElse() throws Exception {
        Path app = builtApp();
        Set<String> copied = new TreeSet<>();
        runtimeFilesFromBuild().values().forEach(f -> copied.add(ImageContents.relative(app, f).split("/")[0]));
        assertTrue(copied.contains("app.aot"), copied.toString());
        Set<String> built = new TreeSet<>();
        try (Stream<Path> entries = Files.list(app)) {
            entries.map(p -> p.getFileName().toString()).forEach(built::add);
        }
        built.remove("quarkus-app-dependencies.txt"); // a build report, not needed at run time
        assertEquals(built, copied);
    }

    @Test
    void theEntrypointJarIsOneOfTheCopiedFiles() throws Exception {
        List<String> entrypoint = dockerfile.runtime().last("ENTRYPOINT").orElseThrow().command();
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        SortedMap<String, Path> files = runtimeFilesFromBuild();
        assertTrue(files.containsKey(jar), jar + " not in " + files.keySet().stream().filter(f -> !f.contains("/lib/")).toList());
        assertEquals(builtApp().resolve("quarkus-run.jar"), files.get(jar));
    }

    @Test
    void theJGitJarIsPackagedWithoutItsSignatureSoTheCacheCanHoldItsClasses() throws IOException {
        // The JVM leaves classes of signed jars out of an AOT cache, and checks their signature at every start.
        Path lib = ROOT.resolve("target/quarkus-app/lib/main");
        Path jgit;
        try (Stream<Path> jars = Files.list(lib)) {
            jgit = jars.filter(j -> j.getFileName().toString().startsWith("org.eclipse.jgit.org.eclipse.jgit-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no JGit jar in " + lib));
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(jgit.toFile())) {
            List<String> signatures = jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList();
            assertEquals(List.of(), signatures, jgit + " is still signed");
            assertTrue(jar.getEntry("org/eclipse/jgit/lib/Repository.class") != null, "and it still holds JGit");
        }
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

    /** Every file the runtime stage takes from the build stage, with its local counterpart in the replay. */
    SortedMap<String, Path> runtimeFilesFromBuild() throws IOException, InterruptedException {
        Path stage = DockerBuildReplay.buildStage(dockerfile, Jdk25.required());
        SortedMap<String, Path> files = new TreeMap<>();
        for (Dockerfile.Copy copy : dockerfile.runtime().copies()) {
            if (copy.from() != null) {
                assertEquals("build", copy.from(), "line " + copy.line());
                files.putAll(ImageContents.of(copy, stage, "/build/", path -> true));
            }
        }
        return files;
    }

    /** The replayed build stage's quarkus-app directory (the aot profile's). */
    Path builtApp() throws IOException, InterruptedException {
        return DockerBuildReplay.buildStage(dockerfile, Jdk25.required()).resolve(PomAot.quarkusApp());
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
