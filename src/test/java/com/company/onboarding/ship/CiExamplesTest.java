package com.company.onboarding.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/ci/: the GitHub Actions workflow and the GitLab CI jobs a platform team copies into
 * platform-next (docs/generate.md). They call the generator as the image and the command line
 * really are: the jar where the Dockerfile puts it, the options generate has, the cache where the
 * service keeps catalog commits.
 */
class CiExamplesTest {

    static final Path GITHUB = DockerImageTest.ROOT.resolve("docs/ci/github-actions.yml");
    static final Path GITLAB = DockerImageTest.ROOT.resolve("docs/ci/gitlab-ci.yml");

    final Dockerfile dockerfile = Dockerfile.read(DockerImageTest.DOCKERFILE);

    @Test
    void githubChecksPullRequestsAndGeneratesOnTheBaseBranchThroughTheImage() {
        JsonNode workflow = Kustomize.read(GITHUB);
        String check = script(workflow.at("/jobs/check/steps"));
        String generate = script(workflow.at("/jobs/generate/steps"));
        assertTrue(workflow.at("/jobs/check/if").asText().contains("pull_request"));
        assertTrue(check.contains("\"$GENERATOR_IMAGE\" generate --platform-next /work --check"), check);
        assertTrue(generate.contains("\"$GENERATOR_IMAGE\" generate --platform-next /work ||"), generate);
        assertTrue(generate.contains("git push"), generate);
        assertEquals("write", workflow.at("/jobs/generate/permissions/contents").asText());
        for (String job : List.of("check", "generate")) {
            String cache = workflow.at("/jobs/" + job + "/steps/1/with/path").asText();
            String script = script(workflow.at("/jobs/" + job + "/steps"));
            assertTrue(script.contains("-v \"$RUNNER_TEMP/onboarding:/cache\" -e ONBOARDING_DATA_DIR=/cache"), script);
            assertEquals("${{ runner.temp }}/onboarding/cache/metrics-catalog", cache, "the service's catalog store under its data directory");
        }
    }

    @Test
    void gitlabRunsTheJarWhereTheImagePutsItAndCachesTheCatalogStore() {
        JsonNode jobs = Kustomize.read(GITLAB);
        List<String> entrypoint = dockerfile.runtime().last("ENTRYPOINT").orElseThrow().command();
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        String check = jobs.at("/monitoring:check/script").toString();
        String generate = jobs.at("/monitoring:generate/script").toString();
        assertTrue(check.contains("java -jar " + jar + " generate --platform-next \\\"$CI_PROJECT_DIR\\\" --check"), check);
        assertTrue(generate.contains("java -jar " + jar + " generate --platform-next \\\"$CI_PROJECT_DIR\\\" --out .monitoring-next"), generate);
        assertTrue(jobs.at("/monitoring:commit/script").toString().contains("git push"));
        String dataDir = jobs.at("/.monitoring-generator/variables/ONBOARDING_DATA_DIR").asText();
        Matcher relative = Pattern.compile("\\$CI_PROJECT_DIR/(.+)").matcher(dataDir);
        assertTrue(relative.matches(), dataDir);
        assertEquals(relative.group(1) + "/cache/metrics-catalog/", jobs.at("/.monitoring-generator/cache/paths/0").asText());
    }

    private static String script(JsonNode steps) {
        StringBuilder all = new StringBuilder();
        steps.forEach(step -> all.append(step.path("run").asText()).append('\n'));
        return all.toString();
    }
}
