package com.company.onboarding.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;

class EmbeddedRepositoriesTest {

    @Test
    void createsCloneableRepositoriesFromAnEmptyDirectory() throws Exception {
        Path data = Fixtures.freshDirectory("embedded");
        Path platform = EmbeddedRepositories.ensure("platform-next", data.resolve("repos/platform-next.git"));
        Path clone = data.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(platform.toUri().toString()).setDirectory(clone.toFile()).call()) {
            assertEquals("main", git.getRepository().getBranch());
        }
        assertTrue(Files.readString(clone.resolve("kustomize/catalog/monitoring-profiles.yaml")).contains("domain-api:"));
        assertTrue(Files.readString(clone.resolve("kustomize/catalog/services.yaml")).contains("# Service catalog"));
    }

    @Test
    void theCatalogHasBothTagsAndV130AddsRevenueMetricsInBothPlaces() {
        Path data = Fixtures.freshDirectory("embedded");
        Path catalog = EmbeddedRepositories.ensure("metrics-catalog", data.resolve("repos/metrics-catalog.git"));
        try (BareRepo repo = BareRepo.open(catalog)) {
            var refs = repo.repository().getRefDatabase();
            String v120 = refs.exactRef("refs/tags/v1.2.0").getObjectId().name();
            String v130 = refs.exactRef("refs/tags/v1.3.0").getObjectId().name();
            assertEquals(v130, repo.head("main"));
            String revenue = "services/payment-processor/payment-revenue-metrics.yaml";
            assertNotNull(repo.read("main", revenue));
            assertNotNull(repo.read("main", "profiles/payment-revenue-metrics/metrics.yaml"));
            repo.repository().updateRef("refs/heads/at-v120").link("refs/heads/main");
            repo.setRef("refs/heads/old", org.eclipse.jgit.lib.ObjectId.fromString(v120));
            assertNull(repo.read("old", revenue));
            assertNotNull(repo.read("old", "services/payment-processor/payment-business-metrics.yaml"));
            assertNotNull(repo.read("old", "profiles/payment-fraud-metrics/metrics.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void seedingIsDeterministicAcrossMachines() {
        String first;
        String second;
        try (BareRepo a = BareRepo.open(EmbeddedRepositories.ensure("metrics-catalog",
                Fixtures.freshDirectory("embedded").resolve("catalog.git")));
                BareRepo b = BareRepo.open(EmbeddedRepositories.ensure("metrics-catalog",
                        Fixtures.freshDirectory("embedded").resolve("catalog.git")))) {
            first = a.head("main");
            second = b.head("main");
        }
        assertEquals(first, second);
    }

    @Test
    void neverOverwritesARepositoryThatHasCommits() {
        Path directory = Fixtures.freshDirectory("embedded").resolve("platform-next.git");
        EmbeddedRepositories.ensure("platform-next", directory);
        String pushed;
        try (BareRepo repo = BareRepo.open(directory)) {
            pushed = repo.commit("main", "a change pushed by someone", Map.of("README.md", "changed\n"));
        }
        EmbeddedRepositories.ensure("platform-next", directory);
        try (BareRepo repo = BareRepo.open(directory)) {
            assertEquals(pushed, repo.head("main"));
            assertEquals("changed\n", repo.read("main", "README.md"));
        }
    }

    @Test
    void refusesADirectoryThatIsNotARepository() throws Exception {
        Path directory = Fixtures.freshDirectory("embedded").resolve("platform-next.git");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("notes.txt"), "mine");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedRepositories.ensure("platform-next", directory));
        assertTrue(e.getMessage().contains("is not a git repository"));
        assertEquals("mine", Files.readString(directory.resolve("notes.txt")));
    }
}
