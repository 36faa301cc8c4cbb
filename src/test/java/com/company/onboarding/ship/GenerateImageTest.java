package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image runs platform-next's generator when its first argument is {@code generate}
 * ({@code docker run IMAGE generate --platform-next /work}, docs/generate.md): the arguments of
 * {@code docker run} must reach the jar as they are.
 */
class GenerateImageTest {

    final Dockerfile dockerfile = Dockerfile.read(DockerImageTest.DOCKERFILE);

    @Test
    void dockerRunArgumentsReachTheJarAsItsArguments() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        Dockerfile.Instruction entrypoint = runtime.last("ENTRYPOINT").orElseThrow();
        assertTrue(entrypoint.arguments().startsWith("["),
                "exec form: a shell-form ENTRYPOINT ignores the arguments of docker run");
        List<String> command = entrypoint.command();
        assertTrue(command.get(command.size() - 1).endsWith("quarkus-run.jar"),
                "the jar's arguments come last: " + command);
        assertEquals(List.of(), runtime.all("CMD"), "a CMD would be the default arguments, and generate none");
    }
}
