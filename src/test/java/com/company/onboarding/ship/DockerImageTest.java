package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile.jvm, .dockerignore and docker/compose.yaml, checked without a Docker engine:
 * what they copy from the build context is there and reaches the builder, the port and health
 * checks are the service's, and compose runs the image the way the Dockerfile means it to run.
 * What needs the build output is in {@link DockerImageIT}.
 */
class DockerImageTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile.jvm");
    static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    /** What Quarkus serves under /q/health (SmallRye Health's standard groups). */
    static final Set<String> HEALTH_PATHS = Set.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started");

    final Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);
    final DockerIgnore ignore = DockerIgnore.read(ROOT.resolve(".dockerignore"));

    @Test
    void everyCopyFromTheContextExistsAndReachesTheBuilder() {
        int copied = 0;
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (Dockerfile.Copy copy : stage.copies()) {
                if (copy.from() == null) {
                    copied += contextFiles(copy).size();
                }
            }
        }
        assertTrue(copied > 10, "the build context should hold the sources, got " + copied + " files");
        assertTrue(contextFiles().containsKey("/usr/local/bin/healthcheck.sh"));
    }

    @Test
    void dockerignoreKeepsBuildOutputAndLocalStateOutOfTheContext() {
        for (String path : List.of("target/quarkus-app/quarkus-run.jar", "target/aot/quarkus-app/app.aot",
                "data/repos/platform-next.git/HEAD", "node_modules/x/index.js", ".git/HEAD", "README.md",
                ".idea/workspace.xml", "deploy/overlays/example/secret.example.yaml", "src/main/java/.DS_Store",
                "backstage-plugin-contract/package.json", "bench/startup.sh")) {
            assertTrue(ignore.excludes(path), path + " must stay out of the build context");
        }
        // The tests come in: those tagged aot-training are the training run of the image's AOT cache.
        for (String path : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "src/main/java/com/company/onboarding/git/Mirror.java", "src/main/resources/application.properties",
                "src/test/java/com/company/onboarding/ship/PackagedTourIT.java", "docker/healthcheck.sh")) {
            assertFalse(ignore.excludes(path), path + " is needed by the image build");
        }
    }

    @Test
    void dockerignoreFollowsTheBuildersMatchingRules() {
        DockerIgnore rules = DockerIgnore.parse("""
                # comment
                /target
                **/*.log
                docs/*
                !docs/keep.md
                """);
        assertTrue(rules.excludes("target/a/b.jar"), "a directory pattern covers everything under it");
        assertTrue(rules.excludes("a/b/c.log"));
        assertTrue(rules.excludes("c.log"), "** also matches no directory at all");
        assertTrue(rules.excludes("docs/other.md"));
        assertFalse(rules.excludes("docs/keep.md"), "the last matching pattern decides");
        assertFalse(rules.excludes("docsx/other.md"));
        assertFalse(rules.excludes("src/target/x"), "a rooted pattern does not match deeper down");
    }

    @Test
    void buildStageResolvesDependenciesBeforeItSeesTheSources() {
        Dockerfile.Stage build = dockerfile.stage("build");
        List<String> steps = new ArrayList<>();
        build.instructions().forEach(i -> steps.add(i.keyword() + " " + i.arguments()));
        int goOffline = indexOf(steps, "RUN ./mvnw", "go-offline", "-Paot");
        int sources = indexOf(steps, "COPY src/");
        int pomCopy = indexOf(steps, "COPY pom.xml");
        int packaging = indexOf(steps, "RUN ./mvnw", " verify", "-Paot", " -o ");
        assertTrue(pomCopy < goOffline && goOffline < sources && sources < packaging, String.join("\n", steps));
        assertTrue(build.image().startsWith("eclipse-temurin:25-jdk"), build.image());
    }

    @Test
    void theCacheIsTrainedOnTheRuntimesOwnJre() {
        // A cache is refused by any other JVM build, the JDK of the build stage included (its lib/modules differs).
        Dockerfile.Stage build = dockerfile.stage("build");
        Dockerfile.Copy jre = build.copies().stream().filter(c -> c.from() != null).findFirst()
                .orElseThrow(() -> new AssertionError("the build stage copies no JRE from the runtime image"));
        assertEquals(dockerfile.runtime().image(), jre.from());
        assertEquals(List.of("/opt/java/openjdk/"), jre.sources(), "where the Temurin images keep their JVM");
        String java = jre.destination().replaceAll("/+$", "") + "/bin/java";
        Dockerfile.Instruction training = build.all("RUN").stream()
                .filter(r -> r.arguments().contains("-Paot") && r.arguments().contains(" verify")).findFirst().orElseThrow();
        assertTrue(training.arguments().contains("-Daot.java=" + java), training.arguments());
        assertTrue(jre.line() < training.line(), "the JRE is there before the training");
    }

    @Test
    void theRuntimeMapsTheCacheTrainedBesideTheJarsItRuns() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        Map<String, String> copied = new TreeMap<>();
        runtime.copies().stream().filter(c -> "build".equals(c.from()))
                .forEach(c -> c.sources().forEach(source -> copied.put(source, c.destination())));
        String app = "/build/" + PomAot.quarkusApp() + "/";
        copied.forEach((source, destination) -> assertTrue(source.startsWith(app), source + " is not the -Paot output " + app));
        String cache = copied.get(app + "app.aot");
        assertEquals("/deployments/app.aot", cache, "the cache Quarkus writes beside quarkus-run.jar: " + copied);
        String options = runtime.env().get("JDK_JAVA_OPTIONS");
        assertTrue(options.contains("-XX:AOTCache=" + cache), options);
        assertFalse(options.contains("SharedArchiveFile"), "no AppCDS archive any more: " + options);
        assertEquals("/deployments", runtime.workdir().orElseThrow(), "Quarkus runs the jar from its directory");

        // The build-time check: the runtime's own java, refusing (AOTMode=on) a cache it cannot map, on the entrypoint's jar.
        List<String> check = runtime.all("RUN").stream().map(Dockerfile.Instruction::command)
                .filter(words -> words.get(0).equals("java")).findFirst().orElseThrow();
        List<String> entrypoint = runtime.last("ENTRYPOINT").orElseThrow().command();
        assertTrue(check.containsAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-version")), check.toString());
        assertEquals(entrypoint.get(entrypoint.indexOf("-jar") + 1), check.get(check.indexOf("-cp") + 1));
        assertFalse(Files.exists(ROOT.resolve("docker/appcds.sh")), "the AppCDS training script is gone");
    }

    @Test
    void theAotProfileKeepsRelease17AndAsksForLeydensCache() {
        assertEquals("17", PomAot.property("maven.compiler.release"), "bytecode stays release 17");
        assertEquals("true", PomAot.profileProperty("quarkus.package.jar.aot.enabled"));
        assertEquals("aot", PomAot.profileProperty("quarkus.package.jar.aot.type"),
                "left to itself Quarkus 3.33 picks AppCDS for release-17 bytecode, which no JDK 25 maps as an AOT cache");
    }

    @Test
    void runtimeStageIsAJreRunningAsAnUnprivilegedUserWithoutGit() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        assertTrue(runtime.image().matches("eclipse-temurin:25-jre.*"), runtime.image());
        assertEquals(dockerfile.stage("build").image().replace("-jdk", "-jre"), runtime.image(),
                "the same JDK release and base distribution in both stages");
        String user = runtime.last("USER").orElseThrow().arguments().split(":")[0];
        assertTrue(user.matches("\\d+"), "a numeric user lets runAsNonRoot verify it: " + user);
        assertNotEquals("0", user);
        for (Dockerfile.Instruction run : runtime.all("RUN")) {
            assertFalse(run.arguments().matches("(?s).*(apt-get|apt|dnf|microdnf|yum|apk)\\s.*\\bgit\\b.*"),
                    "the service uses JGit; no git in the image: " + run.arguments());
        }
        assertEquals(List.of("java", "-jar", "/deployments/quarkus-run.jar"), runtime.last("ENTRYPOINT").orElseThrow().command());
        assertTrue(runtime.env().get("JDK_JAVA_OPTIONS").contains("-XX:MaxRAMPercentage="));
    }

    @Test
    void theRuntimeSizesTheYoungGenerationAndMallocsArenasAsMeasured() {
        Map<String, String> env = dockerfile.runtime().env();
        // docs/memory.md: each measured against the RSS after the HTTP load (under 250 MiB with both).
        assertEquals("2", env.get("MALLOC_ARENA_MAX"), "glibc's 8 arenas per core kept 30 MiB more");
        assertTrue(env.get("JDK_JAVA_OPTIONS").contains("-Xmn32m"), env.get("JDK_JAVA_OPTIONS"));
    }

    @Test
    void exposedPortIsTheConfiguredHttpPort() {
        assertEquals(List.of(httpPort()), exposedPorts());
    }

    @Test
    void healthCheckProbesTheExposedPortAtAHealthPath() {
        List<String> check = dockerfile.runtime().last("HEALTHCHECK").orElseThrow().command();
        assertEquals(3, check.size(), check.toString());
        assertTrue(contextFiles().containsKey(check.get(0)), "the health check script is copied: " + check);
        assertEquals(String.valueOf(httpPort()), check.get(1));
        assertEquals("/q/health/live", check.get(2));
    }

    @Test
    void dataDirectoryIsTheVolumeAndBelongsToTheServiceUser() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        String dataDir = runtime.env().get("ONBOARDING_DATA_DIR");
        assertEquals("/data", dataDir);
        assertEquals(dataDir, runtime.last("VOLUME").orElseThrow().arguments().trim());
        String uid = runtime.last("USER").orElseThrow().arguments().split(":")[0];
        assertTrue(runtime.all("RUN").stream().anyMatch(r -> r.arguments().contains("chown " + uid)
                && r.arguments().contains(dataDir)), "a new volume takes the mount point's owner");
        assertTrue(runtime.env().get("XDG_CONFIG_HOME").startsWith("/tmp/"),
                "JGit writes under XDG_CONFIG_HOME: it must be on the writable /tmp");
    }

    @Test
    void composeRunsThisImageOnItsEmbeddedDefaultWithTheDataOnANamedVolume() {
        JsonNode compose = Kustomize.read(COMPOSE);
        assertEquals(1, compose.path("services").size());
        JsonNode api = compose.path("services").elements().next();
        Path context = COMPOSE.getParent().resolve(api.path("build").path("context").asText()).normalize();
        assertEquals(ROOT, context, "the build context is the repository root, where .dockerignore is");
        assertEquals(DOCKERFILE, context.resolve(api.path("build").path("dockerfile").asText()));

        List<Integer> containerPorts = new ArrayList<>();
        api.path("ports").forEach(p -> {
            String[] parts = p.asText().replace("/tcp", "").split(":");
            containerPorts.add(Integer.parseInt(parts[parts.length - 1]));
        });
        assertEquals(exposedPorts(), containerPorts);

        String dataDir = dockerfile.runtime().env().get("ONBOARDING_DATA_DIR");
        assertEquals(dataDir, api.path("environment").path("ONBOARDING_DATA_DIR").asText(dataDir));
        assertEquals(1, api.path("volumes").size());
        String[] volume = api.path("volumes").get(0).asText().split(":");
        assertTrue(compose.path("volumes").has(volume[0]), "a named volume, declared at the top: " + volume[0]);
        assertEquals(dataDir, volume[1]);
        assertFalse(api.path("environment").has("PLATFORM_NEXT_URL"), "compose runs the embedded default");

        assertTrue(api.path("read_only").asBoolean(), "the same read-only root as on Kubernetes");
        assertTrue(api.path("tmpfs").toString().contains("\"/tmp\""), "/tmp stays writable: " + api.path("tmpfs"));

        JsonNode test = api.path("healthcheck").path("test");
        assertEquals("CMD", test.get(0).asText());
        assertTrue(contextFiles().containsKey(test.get(1).asText()), test.toString());
        assertEquals(String.valueOf(httpPort()), test.get(2).asText());
        assertTrue(HEALTH_PATHS.contains(test.get(3).asText()), test.toString());
    }

    @Test
    void noNativeDockerfileWhileTheNativeBuildIsUnproven() throws IOException {
        // docs/operations.md says why; a Dockerfile.native must come with a native build in CI.
        assertFalse(Files.exists(ROOT.resolve("docker/Dockerfile.native")));
        assertTrue(Files.readString(ROOT.resolve("docs/operations.md")).contains("Dockerfile.native"));
    }

    @Test
    void parserReadsContinuationsFlagsAndBothCommandForms() {
        Dockerfile parsed = Dockerfile.parse("""
                # syntax=docker/dockerfile:1
                FROM a AS one
                RUN echo \\
                # a comment inside the continuation
                    done
                FROM b
                COPY --from=one --chmod=0555 /x/*.jar /y/z/ /out/
                ENV A=1 B="two words"
                HEALTHCHECK --interval=5s CMD curl -f http://localhost/
                """);
        assertEquals(2, parsed.stages().size());
        assertEquals("echo     done", parsed.stage("one").last("RUN").orElseThrow().arguments());
        Dockerfile.Copy copy = parsed.runtime().copies().get(0);
        assertEquals("one", copy.from());
        assertEquals(List.of("/x/*.jar", "/y/z/"), copy.sources());
        assertEquals("/out/", copy.destination());
        assertEquals(Map.of("A", "1", "B", "two words"), parsed.runtime().env());
        assertEquals(List.of("/bin/sh", "-c", "curl -f http://localhost/"),
                parsed.runtime().last("HEALTHCHECK").orElseThrow().command());
        assertThrows(IllegalArgumentException.class, () -> Dockerfile.parse("RUN x\n"));
    }

    /** Every file the image receives from the build context. */
    SortedMap<String, Path> contextFiles() {
        SortedMap<String, Path> files = new TreeMap<>();
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (Dockerfile.Copy copy : stage.copies()) {
                if (copy.from() == null) {
                    files.putAll(contextFiles(copy));
                }
            }
        }
        return files;
    }

    SortedMap<String, Path> contextFiles(Dockerfile.Copy copy) {
        return ImageContents.of(copy, ROOT, "", path -> !ignore.excludes(path));
    }

    List<Integer> exposedPorts() {
        List<Integer> ports = new ArrayList<>();
        dockerfile.runtime().all("EXPOSE").forEach(e -> {
            for (String port : e.arguments().trim().split("\\s+")) {
                ports.add(Integer.parseInt(port.replace("/tcp", "")));
            }
        });
        return ports;
    }

    /** {@code quarkus.http.port} from application.properties (Quarkus' default when absent). */
    static int httpPort() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
    }

    private static int indexOf(List<String> steps, String start, String... contains) {
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (step.startsWith(start) && List.of(contains).stream().allMatch(step::contains)) {
                return i;
            }
        }
        throw new AssertionError("no step " + start + " " + List.of(contains) + " in\n" + String.join("\n", steps));
    }
}
