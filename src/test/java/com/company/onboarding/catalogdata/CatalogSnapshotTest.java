package com.company.onboarding.catalogdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    static CatalogFile file(String path) {
        return new CatalogFile(path, List.of(), List.of(), List.of());
    }

    static CatalogSnapshot snapshot(String... paths) {
        TreeMap<String, CatalogFile> files = new TreeMap<>();
        for (String path : paths) {
            files.put(path, file(path));
        }
        return new CatalogSnapshot("v1", RefKind.TAG, "0".repeat(40), files, List.of(), List.of(), List.of(), false);
    }

    @Test
    void aDirectoryHoldsItsDirectChildrenOnlyNotASiblingWithTheSamePrefix() {
        CatalogSnapshot catalog = snapshot("profiles/a/x.yaml", "profiles/a/y.yaml", "profiles/a/sub/z.yaml",
                "profiles/ab/w.yaml", "profiles/a.yaml", "services/a/s.yaml");
        assertEquals(List.of("profiles/a/x.yaml", "profiles/a/y.yaml"),
                catalog.profileFiles("a").stream().map(CatalogFile::path).toList());
        assertEquals(List.of("services/a/s.yaml"), catalog.serviceFiles("a").stream().map(CatalogFile::path).toList());
        assertEquals(List.of(), catalog.serviceFiles("b"));
    }

    @Test
    void filesAreFrozenOnceAndSharedByTheSameCommitReadThroughAnotherRef() {
        TreeMap<String, CatalogFile> files = new TreeMap<>(Map.of("services/a/s.yaml", file("services/a/s.yaml")));
        CatalogSnapshot catalog = new CatalogSnapshot("v1", RefKind.TAG, "0".repeat(40), files, List.of(), List.of(),
                List.of(), false);
        files.put("services/b/t.yaml", file("services/b/t.yaml"));
        assertEquals(1, catalog.files().size(), "a copy, not the caller's map");
        assertThrows(UnsupportedOperationException.class, () -> catalog.files().clear());
        assertSame(catalog.files(), catalog.as("main", RefKind.BRANCH, false).files());
        assertSame(catalog.files(), catalog.asStale().files());
    }
}
