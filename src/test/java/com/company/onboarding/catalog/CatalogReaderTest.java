package com.company.onboarding.catalog;

import com.company.onboarding.catalogdata.CatalogProblem;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.catalog.CatalogReader.Outcome;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.CatalogFixture;
import com.company.onboarding.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** How one catalog file is read, and which files of a commit are read at all. */
class CatalogReaderTest {

    private static Outcome parse(String yaml) {
        return CatalogReader.parse("services/s/f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String withJson(String json) {
        return "data:\n  dynatrace-custom-metrics.json: |\n" + json.indent(4);
    }

    @Test
    void aConfigMapWithTheMetricsKeyIsParsed() {
        Outcome outcome = parse(CatalogFixture.configMap("m", "orders_total"));
        assertNull(outcome.problem());
        assertEquals("services/s/f.yaml", outcome.file().path());
        assertEquals("orders_total", outcome.file().customMetrics().get(0).path("name").asText());
        assertEquals(List.of(), outcome.file().alertRules());
    }

    @Test
    void aFileWithoutTheMetricsKeyIsSkipped() {
        Outcome outcome = parse("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n");
        assertNull(outcome.file());
        assertNull(outcome.problem());
    }

    @Test
    void unreadableFilesAreProblemsWithTheirPosition() {
        CatalogProblem yaml = parse("data:\n  key: [unclosed\n").problem();
        assertEquals("services/s/f.yaml", yaml.path());
        assertTrue(yaml.message().contains("not valid YAML") && yaml.message().contains("line "), yaml.message());

        CatalogProblem notText = parse("data:\n  dynatrace-custom-metrics.json:\n    customMetrics: []\n").problem();
        assertTrue(notText.message().contains("must be a string"), notText.message());

        CatalogProblem json = parse(withJson("{\n  \"customMetrics\": [,]\n}")).problem();
        assertTrue(json.message().contains("line 2, column"), json.message());

        CatalogProblem duplicate = parse(withJson("{\"customMetrics\": [], \"customMetrics\": []}")).problem();
        assertTrue(duplicate.message().contains("duplicate"), duplicate.message());

        CatalogProblem type = parse(withJson("{\"customMetrics\": [], \"alertRules\": [\"not a rule\"]}")).problem();
        assertEquals("/alertRules/0", type.pointer());

        CatalogProblem array = parse(withJson("[1, 2]")).problem();
        assertTrue(array.message().contains("JSON object"), array.message());
    }

    @Test
    void readsDirectChildYamlFilesOfProfilesAndServicesAndSharesUnchangedFilesBetweenCommits() throws Exception {
        try (BareRepo repo = BareRepo.create(Fixtures.freshDirectory("catalog-reader").resolve("c.git"))) {
            String first = repo.commit("main", "one", Map.of(
                    "services/a/metrics.yaml", CatalogFixture.configMap("a", "a_total"),
                    "services/a/notes.md", "not yaml",
                    "services/a/nested/deep.yaml", CatalogFixture.configMap("deep", "deep_total"),
                    "services/b/kustomization.yml", "resources: []\n",
                    "profiles/p/metrics.yml", CatalogFixture.configMap("p", "p_total"),
                    "other/x.yaml", CatalogFixture.configMap("x", "x_total"),
                    "profiles/top.yaml", CatalogFixture.configMap("top", "top_total")));
            String second = repo.commit("main", "two", Map.of(
                    "profiles/p/metrics.yml", CatalogFixture.configMap("p", "p2_total")));
            CatalogReader reader = new CatalogReader();
            CatalogSnapshot one = reader.read(repo.repository(), ObjectId.fromString(first));
            assertEquals(List.of("p"), one.profiles());
            assertEquals(List.of("a", "b"), one.services());
            assertEquals(List.of("profiles/p/metrics.yml", "services/a/metrics.yaml"), List.copyOf(one.files().keySet()));
            assertEquals(RefKind.COMMIT, one.kind());
            assertEquals(first, one.commit());

            CatalogSnapshot two = reader.read(repo.repository(), ObjectId.fromString(second));
            assertSame(one.files().get("services/a/metrics.yaml"), two.files().get("services/a/metrics.yaml"),
                    "an unchanged file is parsed once");
            assertEquals("p2_total", two.profileFiles("p").get(0).customMetrics().get(0).path("name").asText());
        }
    }
}
