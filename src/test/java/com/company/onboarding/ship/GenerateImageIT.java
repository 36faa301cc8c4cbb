package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.embedded.EmbeddedRepositories;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.GenerateCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

/**
 * {@code docker run IMAGE generate --platform-next /work}, without a Docker engine: the image's
 * entrypoint and JVM options, its paths mapped to the build output, run generate over a working
 * tree of the embedded platform-next.
 */
class GenerateImageIT {

    @Test
    void theImagesEntrypointRunsGenerateWithItsOwnJvmOptions() throws Exception {
        Dockerfile.Stage runtime = Dockerfile.read(DockerImageTest.DOCKERFILE).runtime();
        Path root = Fixtures.freshDirectory("generate-image");
        Path work = root.resolve("work");
        Path bare = EmbeddedRepositories.ensure("platform-next", root.resolve("platform-next.git"));
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile()).call().close();

        // The image runs on JDK 25 (its options are JDK 25's); the packaged jar stands in for /deployments/.
        Jdk25 jdk = Jdk25.required();
        Path app = DockerImageIT.ROOT.resolve("target/quarkus-app");
        List<String> entrypoint = new ArrayList<>();
        for (String word : runtime.last("ENTRYPOINT").orElseThrow().command()) {
            entrypoint.add(word.equals("java") ? jdk.java().toString() : word.replace("/deployments/", app + "/"));
        }
        // The image's AOT cache is made in the image, by the image's JVM; the rest of its options apply here too.
        String options = runtime.env().get("JDK_JAVA_OPTIONS").replaceAll("-XX:AOTCache=\\S+", "");
        GenerateCli.Result result = GenerateCli.command(work, Map.of(), Map.of("JDK_JAVA_OPTIONS", options,
                "ONBOARDING_DATA_DIR", root.resolve("data").toString()), entrypoint, "generate", "--platform-next", work.toString());

        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.stdout().contains("generate: 3 services, 12 targets: 25 added"), result.toString());
        assertTrue(Files.isRegularFile(work.resolve("generated/ledger-reconciliation/prod/euw1/monitoring/dynatrace-app-config.yaml")));
    }
}
