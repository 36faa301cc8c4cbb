package com.company.onboarding.catalogdata;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metrics-catalog at one commit, parsed, immutable. Files are by path, sorted, so every
 * reader sees them in the same order whatever order git listed them in. The JSON trees inside
 * are shared by every request for the commit (and by commits that share the file): never
 * modify them; copy ({@code deepCopy()}) what you need to change.
 *
 * @param ref      the ref as asked for (tag, branch, or commit id)
 * @param kind     what the ref named
 * @param commit   the resolved commit id (40 hex)
 * @param files    every file that carries the metrics key, by path
 * @param problems files that carry the key but cannot be read
 * @param profiles names of the directories under {@code profiles/}, sorted
 * @param services names of the directories under {@code services/}, sorted
 * @param stale    true when a branch was served from its last resolution because the remote is down
 */
public record CatalogSnapshot(String ref, RefKind kind, String commit, SortedMap<String, CatalogFile> files,
        List<CatalogProblem> problems, List<String> profiles, List<String> services, boolean stale) {

    /** The class of the read-only view this record keeps; see the constructor. */
    private static final Class<?> FROZEN = java.util.Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    public CatalogSnapshot {
        // as() and asStale() pass the map this constructor already froze: every entry of an estate
        // asks for the catalog through as(), so copying a thousand-file map each time is not free.
        files = files.getClass() == FROZEN ? files : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
        problems = List.copyOf(problems);
        profiles = List.copyOf(profiles);
        services = List.copyOf(services);
    }

    /** The readable files of {@code profiles/<profile>/}, by name. */
    public List<CatalogFile> profileFiles(String profile) {
        return under("profiles/" + profile + "/");
    }

    /** The readable files of {@code services/<service>/}, by name. */
    public List<CatalogFile> serviceFiles(String service) {
        return under("services/" + service + "/");
    }

    /** Problems of files under {@code profiles/<profile>/} or {@code services/<service>/}. */
    public List<CatalogProblem> problemsUnder(String directory) {
        return problems.stream().filter(p -> p.path().startsWith(directory)).toList();
    }

    /** The same commit's content as read through {@code ref}. */
    public CatalogSnapshot as(String ref, RefKind kind, boolean stale) {
        return new CatalogSnapshot(ref, kind, commit, files, problems, profiles, services, stale);
    }

    public CatalogSnapshot asStale() {
        return new CatalogSnapshot(ref, kind, commit, files, problems, profiles, services, true);
    }

    private List<CatalogFile> under(String prefix) {
        // Direct children only: profiles/<p>/*.yaml, as the design document's script reads them.
        // Paths are sorted, so those under the prefix are one range of the map, not a scan of it.
        return files.subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
                .filter(f -> f.path().indexOf('/', prefix.length()) < 0)
                .toList();
    }
}
