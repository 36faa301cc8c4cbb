package com.company.onboarding.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A synthetic platform-next working tree for bench/generate.sh: {@code N} services of the three
 * archetypes, each in two regions and in 2 or 3 environments (4 or 6 targets, 5 on average),
 * pinned to one or two tags of the {@link CatalogGenerator} catalog, each with a catalog profile,
 * an inline metric and a prod override. The first {@value CatalogGenerator#SERVICES} are named as
 * the catalog's services, so they also read {@code services/<name>/}. The profiles are the
 * embedded platform-next's (the design document's). Deterministic.
 *
 * <p>{@code java -cp ... GenerateEstate <dir> <services> [<tags: 1 or 2>]} writes
 * {@code <dir>/platform-next/} and, unless it exists, {@code <dir>/../metrics-catalog.git}.
 */
public final class GenerateEstate {

    private static final String[][] ARCHETYPES = {
        {"api", "domain-api"}, {"job", "batch-job-observability"}, {"listener", "listener-observability"}};

    private GenerateEstate() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int services = Integer.parseInt(args[1]);
        int tags = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path catalog = dir.getParent().resolve("metrics-catalog.git");
        if (!Files.exists(catalog)) {
            CatalogGenerator.generate(catalog);
        }
        List<String> all = CatalogGenerator.tags();
        List<String> pinned = tags == 1 ? List.of(all.get(0)) : List.of(all.get(0), all.get(all.size() - 1));
        Path catalogDir = dir.resolve("platform-next/kustomize/catalog");
        Files.createDirectories(catalogDir);
        try (InputStream profiles = GenerateEstate.class.getClassLoader()
                .getResourceAsStream("embedded/platform-next/kustomize/catalog/monitoring-profiles.yaml")) {
            Files.write(catalogDir.resolve("monitoring-profiles.yaml"), profiles.readAllBytes());
        }
        StringBuilder yaml = new StringBuilder("# A synthetic estate for bench/generate.sh.\nservices:\n");
        for (int i = 0; i < services; i++) {
            yaml.append(entry(i, pinned.get(i % pinned.size())));
        }
        Files.writeString(catalogDir.resolve("services.yaml"), yaml, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %d services pinned to %s; catalog %s%n", dir, services, pinned, catalog);
    }

    static String name(int i) {
        return i < CatalogGenerator.SERVICES ? String.format(Locale.ROOT, "service-%03d", i)
                : String.format(Locale.ROOT, "svc-%05d", i);
    }

    private static String entry(int i, String tag) {
        String name = name(i);
        String[] archetype = ARCHETYPES[i % ARCHETYPES.length];
        String enabledIn = i % 2 == 0 ? "[int-stable, pre-stable, prod]" : "[int, prod]";
        return String.format(Locale.ROOT, """
                  - name: %1$s
                    archetype: %2$s
                    size: medium
                    regions: [euw1, euw2]
                    enabledIn: %3$s
                    costProfile: standard-cost
                    cost:
                      costCenter: "COR-B"
                      businessUnit: "core-banking"
                      costOwner: "team-%4$d@company.com"
                    monitoringProfile: %5$s
                    monitoring:
                      dynatrace: true
                      customMetrics:
                        repository:
                          url: https://github.com/company/metrics-catalog
                          ref: %6$s
                        profiles:
                          - profile-%7$d
                        metrics:
                          - name: %8$s_requests_total
                            type: counter
                            description: "Requests of %1$s"
                            dynatrace:
                              enabled: true
                              unit: "count"
                              aggregation: "sum"
                              dimensions: ["status", "environment"]
                      overrides:
                        prod:
                          sloAvailability: 99.95
                """, name, archetype[0], enabledIn, i % 97, archetype[1], tag, i % CatalogGenerator.PROFILES,
                name.replace('-', '_'));
    }
}
