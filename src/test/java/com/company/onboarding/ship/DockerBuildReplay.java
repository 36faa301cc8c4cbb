package com.company.onboarding.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The image's build, replayed here without a Docker engine, on the local JDK 25: the build
 * stage's instructions in order (the context files its COPYs take, through .dockerignore, into
 * {@code target/docker-build/build}, which stands for its {@code /build}; its RUN steps run there
 * with the JDK as {@code JAVA_HOME}), then the runtime stage's {@code COPY --from=build} into
 * {@code target/docker-build/deployments}, keeping modification times as COPY does. The copy of
 * the runtime image's JRE is stood in for by the same JDK 25, which here is also the runtime.
 * A replay is reused while the copied files, the Dockerfile and the JDK are unchanged.
 */
final class DockerBuildReplay {

    static final Path DIR = DockerImageTest.ROOT.resolve("target/docker-build");
    static final Path BUILD = DIR.resolve("build");
    static final Path DEPLOYMENTS = DIR.resolve("deployments");
    private static final String STAGE_ROOT = "/build/";

    private static Map<String, Path> replayed;

    private DockerBuildReplay() {
    }

    /** The build stage's {@code /build} after its last step, replayed once per test run. */
    static synchronized Path buildStage(Dockerfile dockerfile, Jdk25 jdk) throws IOException, InterruptedException {
        replay(dockerfile, jdk);
        return BUILD;
    }

    /** Image path to local path for what the runtime stage takes from the build: {@code /deployments}. */
    static synchronized Map<String, Path> runtime(Dockerfile dockerfile, Jdk25 jdk) throws IOException, InterruptedException {
        replay(dockerfile, jdk);
        return replayed;
    }

    /** {@code text} with every image path of {@code mapping} replaced by its local path. */
    static String local(String text, Map<String, Path> mapping) {
        String result = text;
        for (Map.Entry<String, Path> e : mapping.entrySet()) {
            result = result.replace(e.getKey(), e.getValue().toString());
        }
        return result;
    }

    private static void replay(Dockerfile dockerfile, Jdk25 jdk) throws IOException, InterruptedException {
        if (replayed != null) {
            return;
        }
        Dockerfile.Stage build = dockerfile.stage("build");
        if (!("/build").equals(build.workdir().orElse(null))) {
            throw new AssertionError("the replay maps the build stage's WORKDIR /build; it is " + build.workdir());
        }
        DockerIgnore ignore = DockerIgnore.read(DockerImageTest.ROOT.resolve(".dockerignore"));
        Map<String, Path> jre = new LinkedHashMap<>();
        SortedMap<String, Dockerfile.Copy> contextCopies = new TreeMap<>();
        SortedMap<String, Path> context = new TreeMap<>();
        for (Dockerfile.Copy copy : build.copies()) {
            if (copy.from() == null) {
                ImageContents.of(copy, DockerImageTest.ROOT, "", path -> !ignore.excludes(path)).forEach((image, local) -> {
                    String relative = inStage(image);
                    context.put(relative, local);
                    contextCopies.put(relative, copy);
                });
            } else if (copy.from().equals(dockerfile.runtime().image())) {
                jre.put(copy.destination().replaceAll("/+$", ""), jdk.home());
            } else {
                throw new AssertionError("line " + copy.line() + ": the replay knows COPY --from=" + copy.from()
                        + " only as the runtime image's JRE");
            }
        }
        String inputs = digest(build, context, jdk);
        Path stamp = DIR.resolve("inputs.sha256");
        boolean reuse = Files.exists(stamp) && Files.readString(stamp).equals(inputs)
                && Files.isDirectory(DEPLOYMENTS);
        if (!reuse) {
            delete(DIR);
            Files.createDirectories(BUILD);
            for (Map.Entry<String, Path> file : context.entrySet()) {
                Path target = BUILD.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.copy(file.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
                String chmod = contextCopies.get(file.getKey()).flags().get("chmod");
                if (chmod != null) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(permissions(chmod)));
                }
            }
            for (Dockerfile.Instruction run : build.all("RUN")) {
                run(local(run.arguments(), jre), jdk, run.line());
            }
            for (Dockerfile.Copy copy : dockerfile.runtime().copies()) {
                if ("build".equals(copy.from())) {
                    for (Map.Entry<String, Path> file : ImageContents.of(copy, BUILD, STAGE_ROOT, p -> true).entrySet()) {
                        Path target = deployment(file.getKey());
                        Files.createDirectories(target.getParent());
                        Files.copy(file.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Files.writeString(stamp, inputs);
        }
        replayed = Map.of("/deployments", DEPLOYMENTS);
    }

    private static String inStage(String image) {
        String path = image.startsWith("./") ? image.substring(2) : image;
        if (path.startsWith("/")) {
            if (!path.startsWith(STAGE_ROOT)) {
                throw new AssertionError("the build stage copies " + image + " outside /build");
            }
            path = path.substring(STAGE_ROOT.length());
        }
        return path;
    }

    private static Path deployment(String image) {
        if (!image.startsWith("/deployments/")) {
            throw new AssertionError("the runtime stage takes " + image + " from the build stage outside /deployments");
        }
        return DEPLOYMENTS.resolve(image.substring("/deployments/".length()));
    }

    private static void run(String shell, Jdk25 jdk, int line) throws IOException, InterruptedException {
        Path log = DIR.resolve("build-line-" + line + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", shell).directory(BUILD.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", jdk.home().toString());
        builder.environment().put("PATH", jdk.home().resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("line " + line + " did not finish in 30 minutes: " + shell);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new AssertionError("line " + line + " failed (" + process.exitValue() + "): " + shell + "\n...\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    private static String digest(Dockerfile.Stage build, SortedMap<String, Path> context, Jdk25 jdk) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> header = new ArrayList<>();
            header.add(jdk.home().toString());
            build.instructions().forEach(i -> header.add(i.keyword() + " " + i.flags() + " " + i.arguments()));
            sha.update(String.join("\n", header).getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, Path> file : context.entrySet()) {
                sha.update(("\n" + file.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file.getValue()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 0755} as {@code rwxr-xr-x}. */
    private static String permissions(String octal) {
        String digits = octal.substring(octal.length() - 3);
        StringBuilder text = new StringBuilder();
        for (char digit : digits.toCharArray()) {
            int bits = digit - '0';
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
