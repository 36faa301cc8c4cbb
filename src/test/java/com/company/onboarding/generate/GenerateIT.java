package com.company.onboarding.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.embedded.EmbeddedRepositories;
import com.company.onboarding.testing.Fixtures;
import com.company.onboarding.testing.GenerateCli;
import com.company.onboarding.testing.GenerateCli.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar quarkus-run.jar generate} as platform-next's CI runs it, in a working tree
 * cloned from the embedded platform-next, against the embedded catalog served over
 * {@code file://} from a directory the test can take away: exit codes, the report alone on
 * stdout, no port, and what is (and is not) on disk afterwards.
 */
class GenerateIT {

    static final String CONFIG = "generated/account-service/prod/euw1/monitoring/dynatrace-app-config.yaml";

    Path root;
    Path catalog;
    Path work;
    Path out;
    Map<String, String> properties;

    @BeforeEach
    void platformNextWorkingTreeAndCatalog() {
        root = Fixtures.freshDirectory("generate-it");
        catalog = EmbeddedRepositories.ensure("metrics-catalog", root.resolve("metrics-catalog.git"));
        Path platformNext = EmbeddedRepositories.ensure("platform-next", root.resolve("platform-next.git"));
        work = WorkTrees.cloneOf(platformNext, root.resolve("work"));
        out = work.resolve("generated");
        properties = new HashMap<>(Map.of(
                "onboarding.data-dir", root.resolve("data").toString(),
                "metrics-catalog.fetch-url", catalog.toUri().toString(),
                "onboarding.git-timeout", "5s"));
    }

    Result generate(String... args) {
        return GenerateCli.run(work, properties, args);
    }

    @Test
    void generatesTheEstateWithTheReportAloneOnStdoutOpensNoPortAndThenChecksClean() throws Exception {
        Result first;
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // The service's port is taken: a generate that listened would fail to start.
            properties.put("quarkus.http.port", String.valueOf(taken.getLocalPort()));
            properties.put("quarkus.http.host", "127.0.0.1");
            first = generate();
        }
        assertEquals(0, first.exit(), first.toString());
        List<String> lines = first.stdout().lines().toList();
        assertEquals(25 + 1, lines.size(), first.toString());
        assertTrue(lines.contains("added " + CONFIG), first.toString());
        assertTrue(lines.contains("added generated/.monitoring-generated"), first.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("generate: 3 services, 12 targets: 25 added, 0 changed, 0 removed, 0 unchanged"),
                first.toString());
        lines.subList(0, lines.size() - 1).forEach(line -> assertTrue(line.startsWith("added generated/"), line));
        assertFalse(first.stderr().contains("Listening on"), first.stderr());
        assertTrue(Files.isRegularFile(work.resolve(CONFIG)));

        // Server-only settings are not generate's: a pull-request provider the service refuses at start does not stop it.
        properties.put("pull-request.provider", "gitlab");
        // Nor is the base branch: the working tree is what is read, and nothing listens there.
        properties.put("platform-next.url", "http://127.0.0.1:9/platform-next.git");
        Result check = generate("--check");
        assertEquals(0, check.exit(), check.toString());
        assertEquals(1, check.stdout().lines().count(), check.toString());
        assertTrue(check.stdout().startsWith("generate --check: up to date, 3 services, 12 targets, 25 files"), check.toString());
    }

    @Test
    void checkListsExactlyTheFilesARefBumpChangesExitsOneAndWritesNothing() throws Exception {
        assertEquals(0, generate().exit());
        WorkTrees.edit(work, WorkTrees.SERVICES, text -> text.replace("ref: v1.2.0", "ref: v1.3.0"));
        Map<String, byte[]> before = WorkTrees.files(out);

        Result check = generate("--check", "--format", "json");
        assertEquals(1, check.exit(), check.toString());
        JsonNode report = new ObjectMapper().readTree(check.stdout());
        assertEquals("out-of-date", report.path("status").asText());
        List<String> expected = new ArrayList<>();
        for (String target : List.of("int/euw1", "int/euw2", "pre/euw1", "pre/euw2", "prod/euw1", "prod/euw2")) {
            expected.add("generated/account-service/" + target + "/monitoring/dynatrace-app-config.yaml");
        }
        assertEquals(expected, strings(report.at("/files/changed")));
        assertEquals(List.of(), strings(report.at("/files/added")));
        assertEquals(List.of(), strings(report.at("/files/removed")));
        assertEquals(19, report.at("/files/unchanged").asInt());
        assertTrue(report.at("/timings/totalMs").isNumber());
        assertFilesEqual(before, WorkTrees.files(out));
    }

    @Test
    void anInvalidEntryExitsTwoWithItsFindingsAndOnlyItsFilesStayAsTheyWere() {
        assertEquals(0, generate().exit());
        WorkTrees.edit(work, WorkTrees.SERVICES, text -> text.replace("ref: v1.2.0", "ref: v1.3.0")
                .replace("    size: small\n    regions: [euw1]\n", "    size: huge\n    regions: [euw1]\n"));
        Map<String, byte[]> ledger = WorkTrees.files(out.resolve("ledger-reconciliation"));

        Result result = generate();
        assertEquals(2, result.exit(), result.toString());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("ledger-reconciliation: /size size.unknown ")),
                result.toString());
        assertTrue(result.stdout().contains("changed " + CONFIG + "\n"), "the other entries are generated: " + result);
        assertFilesEqual(ledger, WorkTrees.files(out.resolve("ledger-reconciliation")));
    }

    @Test
    void aCatalogThatCannotBeReachedExitsThreeAndLeavesEveryFileAsItWas() throws Exception {
        assertEquals(0, generate().exit());
        WorkTrees.edit(work, WorkTrees.SERVICES, text -> text.replace("ref: v1.2.0", "ref: v1.3.0"));
        Map<String, byte[]> before = WorkTrees.files(out);
        Files.move(catalog, root.resolve("metrics-catalog.away"));

        Result result = generate();
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.stdout().contains("metrics-catalog"), result.toString());
        assertTrue(result.stdout().contains("no file was changed"), result.toString());
        assertFalse(result.stdout().contains("\tat "), result.toString());
        assertFilesEqual(before, WorkTrees.files(out));
    }

    @Test
    void aNameThatIsNotADnsLabelNeverBecomesAPath() throws Exception {
        Result option = generate("--service", "../../etc");
        assertEquals(64, option.exit(), option.toString());
        assertEquals("", option.stdout());
        assertTrue(option.stderr().contains("is not a service name"), option.toString());

        WorkTrees.edit(work, WorkTrees.SERVICES, text -> text + """

                  - name: "../../escape"
                    archetype: job
                    size: small
                    regions: [euw1]
                    enabledIn: [int]
                    costProfile: standard-job-cost
                    cost:
                      costCenter: "COR-B"
                      businessUnit: "core-banking"
                      costOwner: "ledger@company.com"
                    monitoringProfile: batch-job-observability
                    monitoring:
                      dynatrace: true
                """);
        Result entry = generate();
        assertEquals(2, entry.exit(), entry.toString());
        assertTrue(entry.stdout().lines().anyMatch(line -> line.startsWith("../../escape: /name service.name.invalid ")),
                entry.toString());
        try (Stream<Path> everything = Files.walk(root.getParent())) {
            assertTrue(everything.noneMatch(p -> p.getFileName().toString().equals("escape")));
        }
        assertTrue(Files.exists(work.resolve(CONFIG)), "the valid entries are generated");
    }

    @Test
    void usageAndConfigurationErrorsExitSixtyFourOnStderr() {
        for (String[] args : new String[][] {{"--format", "xml"}, {"--out"}, {"--bogus"}, {"extra"}, {"--check=no"}}) {
            Result result = generate(args);
            assertEquals(64, result.exit(), List.of(args) + ": " + result);
            assertEquals("", result.stdout(), List.of(args) + ": " + result);
            assertTrue(result.stderr().contains("usage: generate"), List.of(args) + ": " + result);
        }
        properties.put("onboarding.git-timeout", "0s");
        Result configuration = generate("--check");
        assertEquals(64, configuration.exit(), configuration.toString());
        assertTrue(configuration.stderr().contains("onboarding.git-timeout"), configuration.toString());
        assertEquals("", configuration.stdout(), configuration.toString());

        Result help = generate("--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().startsWith("usage: generate"), help.toString());
    }

    @Test
    void platformNextFilesThatAreMissingOrBadStopTheRunWithAMessageNotAStackTrace() throws Exception {
        Path services = work.resolve(WorkTrees.SERVICES);
        String original = WorkTrees.read(services);
        Files.delete(services);
        Result missing = generate();
        assertEquals(3, missing.exit(), missing.toString());
        assertTrue(missing.stdout().contains(WorkTrees.SERVICES + ": the file does not exist"), missing.toString());
        assertNoStackTrace(missing);

        WorkTrees.write(services, "services:\n  - name: [unclosed\n");
        Result unparsable = generate();
        assertEquals(2, unparsable.exit(), unparsable.toString());
        assertTrue(unparsable.stdout().contains(WorkTrees.SERVICES), unparsable.toString());
        assertNoStackTrace(unparsable);

        WorkTrees.write(services, original);
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append(", *").append((char) (c - 1))
                    .append("]\n");
        }
        WorkTrees.write(work.resolve(WorkTrees.PROFILES), "monitoringProfiles:\n  x:\n    description: bomb\n" + bomb
                .toString().indent(4));
        Result bombed = generate();
        assertEquals(2, bombed.exit(), bombed.toString());
        assertTrue(bombed.stdout().contains(WorkTrees.PROFILES), bombed.toString());
        assertNoStackTrace(bombed);
        assertFalse(Files.exists(out), "nothing was written");
    }

    private static void assertNoStackTrace(Result result) {
        assertFalse(result.stdout().contains("\tat ") || result.stderr().contains("\tat "), result.toString());
        assertFalse(result.stdout().contains("Exception") || result.stderr().contains("Exception"), result.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void assertFilesEqual(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }
}
