package com.company.onboarding.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.Fixtures;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutputTreeTest {

    static final String FILE = "svc/prod/euw1/monitoring/dynatrace-app-config.yaml";
    static final byte[] BYTES = "kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8);

    final Path root = Fixtures.freshDirectory("output-tree");
    final OutputTree tree = new OutputTree(root.resolve("generated"));

    @Test
    void writesReplaceInOneStepAndLeaveNoTemporaryFile() throws Exception {
        assertEquals(OutputTree.State.ABSENT, tree.compare(FILE, BYTES));
        tree.write(FILE, BYTES);
        assertEquals(OutputTree.State.SAME, tree.compare(FILE, BYTES));
        byte[] longer = "kind: ConfigMap\nmetadata: {}\n".getBytes(StandardCharsets.UTF_8);
        byte[] sameLength = "kind: ConfigMax\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(OutputTree.State.DIFFERENT, tree.compare(FILE, longer));
        assertEquals(OutputTree.State.DIFFERENT, tree.compare(FILE, sameLength));
        tree.write(FILE, longer);
        assertArrayEquals(longer, Files.readAllBytes(root.resolve("generated").resolve(FILE)));
        try (Stream<Path> files = Files.list(root.resolve("generated/svc/prod/euw1/monitoring"))) {
            assertEquals(List.of("dynatrace-app-config.yaml"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void removingAFileRemovesTheDirectoriesItLeavesEmptyAndNothingElse() {
        tree.write(FILE, BYTES);
        tree.write("svc/prod/euw2/monitoring/kustomization.yaml", BYTES);
        WorkTrees.write(root.resolve("generated/other.md"), "foreign\n");

        assertTrue(tree.remove(FILE));
        assertFalse(Files.exists(root.resolve("generated/svc/prod/euw1")));
        assertTrue(Files.exists(root.resolve("generated/svc/prod/euw2/monitoring/kustomization.yaml")));
        assertTrue(tree.remove("svc/prod/euw2/monitoring/kustomization.yaml"));
        assertFalse(Files.exists(root.resolve("generated/svc")));
        assertTrue(Files.isDirectory(root.resolve("generated")), "the output directory itself stays");
        assertFalse(tree.remove(FILE), "nothing there any more");
    }

    @Test
    void noPathLeavesTheOutputDirectoryNotThroughDotsNorThroughALinkedDirectory() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> tree.write("../escaped.yaml", BYTES));
        assertThrows(IllegalArgumentException.class, () -> tree.remove("svc/../../escaped.yaml"));

        Path outside = Fixtures.freshDirectory("outside");
        Path victim = outside.resolve("prod/euw1/monitoring/dynatrace-app-config.yaml");
        WorkTrees.write(victim, "not generate's\n");
        Files.createDirectories(root.resolve("generated"));
        Files.createSymbolicLink(root.resolve("generated/svc"), outside);

        assertThrows(UncheckedIOException.class, () -> tree.write(FILE, BYTES));
        assertThrows(UncheckedIOException.class, () -> tree.remove(FILE));
        assertEquals("not generate's\n", WorkTrees.read(victim));
    }
}
