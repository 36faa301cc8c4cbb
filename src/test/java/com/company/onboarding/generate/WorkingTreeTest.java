package com.company.onboarding.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.platform.PlatformNextReader;
import com.company.onboarding.testing.Fixtures;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkingTreeTest {

    final Path root = Fixtures.freshDirectory("working-tree");

    @Test
    void readsAFileOfTheTreeAndRemembersOneThatIsMissing() {
        WorkTrees.write(root.resolve("kustomize/catalog/services.yaml"), "services: []\n");
        WorkingTree tree = WorkingTree.open(root);
        assertEquals("services: []\n", new String(tree.read("kustomize/catalog/services.yaml").orElseThrow(),
                StandardCharsets.UTF_8));
        assertFalse(tree.isMissing("kustomize/catalog/services.yaml"));
        assertTrue(tree.read("kustomize/catalog/monitoring-profiles.yaml").isEmpty());
        assertTrue(tree.isMissing("kustomize/catalog/monitoring-profiles.yaml"));
    }

    @Test
    void aTreeThatIsNotThereIsUnreadable() {
        assertThrows(WorkingTree.Unreadable.class, () -> WorkingTree.open(root.resolve("nope")));
        WorkTrees.write(root.resolve("file"), "x");
        assertThrows(WorkingTree.Unreadable.class, () -> WorkingTree.open(root.resolve("file")));
    }

    @Test
    void aPathOrALinkLeavingTheTreeIsRefusedAndALinkInsideIsFollowed() throws Exception {
        Path tree = root.resolve("tree");
        Path secret = root.resolve("secret.yaml");
        WorkTrees.write(secret, "services: []\n");
        WorkTrees.write(tree.resolve("real/services.yaml"), "services: []\n");
        Files.createDirectories(tree.resolve("kustomize/catalog"));
        Files.createSymbolicLink(tree.resolve("kustomize/catalog/services.yaml"), secret);
        Files.createSymbolicLink(tree.resolve("kustomize/catalog/inside.yaml"), tree.resolve("real/services.yaml"));
        Files.createSymbolicLink(tree.resolve("linked"), root);
        WorkingTree working = WorkingTree.open(tree);

        assertThrows(WorkingTree.Unreadable.class, () -> working.read("../secret.yaml"));
        assertThrows(WorkingTree.Unreadable.class, () -> working.read("kustomize/catalog/services.yaml"));
        assertThrows(WorkingTree.Unreadable.class, () -> working.read("linked/secret.yaml"));
        assertTrue(working.read("kustomize/catalog/inside.yaml").isPresent());
    }

    @Test
    void aFileLargerThanTheServiceReadsIsRefused() throws Exception {
        Path big = root.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(PlatformNextReader.MAX_FILE_BYTES + 1L); // sparse: costs no disk
        }
        WorkingTree.Unreadable e = assertThrows(WorkingTree.Unreadable.class, () -> WorkingTree.open(root).read("big.yaml"));
        assertTrue(e.getMessage().contains("larger than 16 MiB"), e.getMessage());
    }
}
