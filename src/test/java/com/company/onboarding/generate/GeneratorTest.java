package com.company.onboarding.generate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * generate over a working tree of the embedded platform-next, in the JVM: what it writes is what
 * the preview endpoints serve, target by target, and it changes, keeps and removes exactly the
 * files it should. The command line (exit codes, stdout, no port) is {@link GenerateIT}'s.
 */
@QuarkusTest
class GeneratorTest {

    @Inject
    Generator generator;
    @Inject
    OnboardingConfig config;

    Path tree;
    Path out;

    @BeforeEach
    void cloneTheEmbeddedPlatformNext() {
        tree = WorkTrees.cloneOf(config.dataDir().resolve("repos/platform-next.git"),
                Fixtures.freshDirectory("generate").resolve("platform-next"));
        out = tree.resolve("generated");
    }

    GenerateReport generate(String... args) {
        List<String> all = new ArrayList<>(List.of("--platform-next", tree.toString()));
        all.addAll(List.of(args));
        try {
            return generator.run(GenerateOptions.parse(all));
        } catch (GenerateOptions.UsageException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void everyFileIsTheYamlPreviewOfItsTargetAndEveryTargetHasAFile() throws Exception {
        String paymentProcessor = WorkTrees.paymentProcessorV130();
        WorkTrees.appendEntry(tree, paymentProcessor);

        GenerateReport report = generate();
        assertEquals(0, report.exitCode(), report.toString());
        assertTrue(report.findings().stream().anyMatch(p -> p.code().equals("metrics-catalog.embedded")
                && p.severity().equals("warning")), "CI must not read the sample catalog unawares: " + report.findings());

        ObjectMapper json = new ObjectMapper();
        Set<String> expected = new TreeSet<>();
        for (String service : List.of("account-service", "ledger-reconciliation", "notification-listener",
                "payment-processor")) {
            String body = service.equals("payment-processor") ? paymentProcessor : null;
            JsonNode preview = json.readTree(preview(service, body, "application/json", Map.of()));
            assertFalse(preview.path("targets").isEmpty(), service);
            for (JsonNode target : preview.path("targets")) {
                String environment = target.at("/target/environment").asText();
                String region = target.at("/target/region").asText();
                byte[] yaml = preview(service, body, "application/yaml", Map.of("environment", environment,
                        "track", target.at("/target/track").asText(), "region", region));
                String path = service + "/" + environment + "/" + region + "/monitoring/dynatrace-app-config.yaml";
                assertEquals(new String(yaml, StandardCharsets.UTF_8),
                        new String(Files.readAllBytes(out.resolve(path)), StandardCharsets.UTF_8), path);
                expected.add(path);
                assertArrayEquals(Layout.KUSTOMIZATION_BYTES,
                        Files.readAllBytes(out.resolve(path).resolveSibling("kustomization.yaml")), path);
            }
        }
        Set<String> configMaps = WorkTrees.files(out).keySet().stream()
                .filter(p -> p.endsWith("/dynatrace-app-config.yaml")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, configMaps);
        assertEquals(18, configMaps.size(), "6 + 2 + 4 + 6 targets");
        assertEquals(18, report.targets());
        assertTrue(WorkTrees.read(out.resolve(".monitoring-generated"))
                .contains("payment-processor/prod/euw2/monitoring/kustomization.yaml\n"));
    }

    /** GET /services/{name}/preview of an entry on the base branch, or POST /services/preview of {@code body}. */
    private static byte[] preview(String service, String body, String accept, Map<String, String> query) {
        RequestSpecification request = given().accept(accept).queryParams(query);
        if (body == null) {
            return request.get("/services/" + service + "/preview").then().statusCode(200).extract().asByteArray();
        }
        return request.contentType("application/yaml").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/services/preview").then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aServiceListedTwiceFailsTheRunAndWritesNothing() {
        WorkTrees.appendEntry(tree, "name: ledger-reconciliation\narchetype: job\nsize: small\nregions: [euw1]\n"
                + "enabledIn: [prod]\n");

        GenerateReport report = generate();
        assertEquals(2, report.exitCode(), report.toString());
        assertEquals("platform-next.invalid", report.failure().code(), report.toString());
        assertTrue(report.failure().message().contains("service ledger-reconciliation is already the entry at /services/1"),
                report.failure().message());
        assertTrue(!Files.exists(out) || WorkTrees.files(out).isEmpty(),
                "nothing is generated from a file CI cannot read one way");
    }

    @Test
    void checkAfterGenerateIsCleanAndCheckWritesNothing() {
        assertEquals(0, generate().exitCode());
        GenerateReport clean = generate("--check");
        assertEquals(0, clean.exitCode(), clean.toString());
        assertEquals("up-to-date", clean.status());
        assertEquals(25, clean.files().unchanged(), "24 files and the manifest");

        Path edited = out.resolve("ledger-reconciliation/int/euw1/monitoring/dynatrace-app-config.yaml");
        WorkTrees.write(edited, "edited by hand\n");
        Path gone = out.resolve("ledger-reconciliation/prod/euw1/monitoring/kustomization.yaml");
        deleteFile(gone);
        Map<String, byte[]> before = WorkTrees.files(out);
        GenerateReport stale = generate("--check");
        assertEquals(1, stale.exitCode());
        assertEquals(List.of(show(edited)), stale.files().changed());
        assertEquals(List.of(show(gone)), stale.files().added());
        assertMapEquals(before, WorkTrees.files(out));

        assertEquals(0, generate().exitCode());
        assertEquals(0, generate("--check").exitCode());
    }

    @Test
    void aRefBumpChangesExactlyTheConfigMapsOfThatService() {
        assertEquals(0, generate().exitCode());
        WorkTrees.edit(tree, WorkTrees.SERVICES, text -> text.replace("ref: v1.2.0", "ref: v1.3.0"));

        GenerateReport check = generate("--check");
        assertEquals(1, check.exitCode());
        List<String> expected = new ArrayList<>();
        for (String target : List.of("int/euw1", "int/euw2", "pre/euw1", "pre/euw2", "prod/euw1", "prod/euw2")) {
            expected.add(show(out.resolve("account-service/" + target + "/monitoring/dynatrace-app-config.yaml")));
        }
        assertEquals(expected, check.files().changed());
        assertEquals(List.of(), check.files().added());
        assertEquals(List.of(), check.files().removed());

        GenerateReport bump = generate();
        assertEquals(0, bump.exitCode());
        assertEquals(expected, bump.files().changed());
        assertTrue(WorkTrees.read(out.resolve("account-service/prod/euw1/monitoring/dynatrace-app-config.yaml"))
                .contains("monitoring.company.com/metrics-catalog-ref: v1.3.0"));
    }

    @Test
    void aRemovedServiceLosesItsFilesAndDirectoriesWhileForeignFilesStay() {
        assertEquals(0, generate().exitCode());
        Path foreignBeside = out.resolve("notification-listener/prod/euw1/notes.md");
        Path foreignTop = out.resolve("README.md");
        WorkTrees.write(foreignBeside, "kept\n");
        WorkTrees.write(foreignTop, "kept\n");
        WorkTrees.removeEntry(tree, "notification-listener");

        GenerateReport report = generate();
        assertEquals(0, report.exitCode(), report.toString());
        assertEquals(8 + 1, report.files().removed().size() + report.files().changed().size(), report.toString());
        assertEquals(List.of(show(out.resolve(".monitoring-generated"))), report.files().changed());
        assertFalse(Files.exists(out.resolve("notification-listener/int")), "emptied directories go");
        assertFalse(Files.exists(out.resolve("notification-listener/prod/euw1/monitoring")));
        assertFalse(Files.exists(out.resolve("notification-listener/prod/euw2")));
        assertEquals("kept\n", WorkTrees.read(foreignBeside));
        assertEquals("kept\n", WorkTrees.read(foreignTop));
        assertFalse(WorkTrees.read(out.resolve(".monitoring-generated")).contains("notification-listener"));
        assertEquals(0, generate("--check").exitCode());
    }

    @Test
    void anInvalidEntryFailsTheRunButLeavesItsFilesAndTheOthersAreGenerated() {
        assertEquals(0, generate().exitCode());
        Map<String, byte[]> ledgerBefore = WorkTrees.files(out.resolve("ledger-reconciliation"));
        WorkTrees.edit(tree, WorkTrees.SERVICES, text -> text.replace("ref: v1.2.0", "ref: v1.3.0")
                .replace("    size: small\n    regions: [euw1]\n", "    size: huge\n    regions: [euw1, euw2]\n"));

        GenerateReport report = generate();
        assertEquals(2, report.exitCode(), report.toString());
        assertEquals("invalid", report.status());
        assertTrue(report.findings().contains(new GenerateReport.Problem("ledger-reconciliation", "/size", "size.unknown",
                report.findings().stream().filter(p -> p.code().equals("size.unknown")).findFirst().orElseThrow().message(),
                "error", null)), report.findings().toString());
        assertMapEquals(ledgerBefore, WorkTrees.files(out.resolve("ledger-reconciliation")));
        assertEquals(6, report.files().changed().size(), "account-service was still generated: " + report);
        assertTrue(WorkTrees.read(out.resolve(".monitoring-generated")).contains("ledger-reconciliation/prod/euw1/"),
                "the invalid service's files stay owned");
    }

    @Test
    void namedServicesOnlyTouchTheirOwnFiles() {
        assertEquals(0, generate().exitCode());
        WorkTrees.removeEntry(tree, "notification-listener");
        WorkTrees.edit(tree, WorkTrees.SERVICES, text -> text.replace("ref: v1.2.0", "ref: v1.3.0"));

        GenerateReport ledgerOnly = generate("--service", "ledger-reconciliation");
        assertEquals(0, ledgerOnly.exitCode(), ledgerOnly.toString());
        assertEquals(2, ledgerOnly.targets());
        assertEquals(0, ledgerOnly.files().differences());
        assertTrue(Files.exists(out.resolve("notification-listener/prod/euw1/monitoring/dynatrace-app-config.yaml")));

        GenerateReport listener = generate("--service", "notification-listener");
        assertEquals(8, listener.files().removed().size(), listener.toString());
        assertEquals(List.of(show(out.resolve(".monitoring-generated"))), listener.files().changed());
        assertEquals(1, generate("--check").exitCode(), "account-service was not regenerated yet");

        GenerateReport unknown = generate("--service", "no-such-service");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.findings().stream().anyMatch(p -> p.service() != null && p.service().equals("no-such-service")
                && p.code().equals("service.not-found")), unknown.findings().toString());
    }

    /** As the report names a file: under --out as given (here the working tree's generated/). */
    private static String show(Path file) {
        return file.toString();
    }

    private static void deleteFile(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertMapEquals(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }
}
