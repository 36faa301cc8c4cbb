package com.company.onboarding.bench;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.PackagedService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The change endpoints over a whole estate (docs/benchmarks.md, "Changes"); not a test. Run it
 * with {@code bench/changes.sh}, which builds the jar first. Generates, under
 * {@code target/bench/changes/}, a platform-next whose services.yaml holds {@value #SERVICES}
 * entries, every one pinning the embedded metrics-catalog at v1.2.0 (a quarter also list two
 * catalog profiles), starts the packaged service on it (the embedded catalog, provider local),
 * and measures end to end over HTTP:
 * <ol>
 *   <li>{@code GET /metrics-catalog/impact?from=v1.2.0&to=v1.3.0}: every service merged twice and
 *       diffed, six targets each; the first call, then {@value #RUNS} more (median, min), and the
 *       size of the answer;</li>
 *   <li>{@code PUT /services/{name}} with a ref bump: validate, diff, edit the 10,000-entry file,
 *       commit, push a new branch over {@code file://}; {@value #RUNS} different services
 *       (median, min, max), goal under 2 s.</li>
 * </ol>
 * Arguments: {@code [services] [runs]} to try other sizes.
 */
public final class ChangesBench {

    static final int SERVICES = 10_000;
    static final int RUNS = 5;
    private static final Path WORK = Path.of("target", "bench", "changes").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : SERVICES;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : RUNS;
        deleteTree(WORK);
        Files.createDirectories(WORK);
        String file = servicesFile(services);
        try (BareRepo platform = BareRepo.create(WORK.resolve("platform-next.git"))) {
            platform.commit("main", "a large estate", Map.of(
                    "kustomize/catalog/services.yaml", file,
                    "kustomize/catalog/monitoring-profiles.yaml", resource("embedded/platform-next/kustomize/catalog/monitoring-profiles.yaml")));
        }
        System.out.printf(Locale.ROOT, "platform-next: %d services, services.yaml %.2f MB%n", services,
                file.getBytes(StandardCharsets.UTF_8).length / 1e6);

        try (PackagedService service = PackagedService.start(Map.of(
                "platform-next.url", WORK.resolve("platform-next.git").toUri().toString(),
                "onboarding.data-dir", WORK.resolve("data").toString(),
                "quarkus.http.read-timeout", "300s"))) {
            String base = service.awaitStarted(Duration.ofMinutes(2));
            String impact = base + "/metrics-catalog/impact?from=v1.2.0&to=v1.3.0";
            long start = System.nanoTime();
            String body = send(HttpRequest.newBuilder(URI.create(impact)).GET(), 200);
            double first = ms(start);
            System.out.printf(Locale.ROOT, "impact, first call: %.0f ms, answer %.1f MB%n", first,
                    body.getBytes(StandardCharsets.UTF_8).length / 1e6);
            List<Double> impacts = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long t = System.nanoTime();
                send(HttpRequest.newBuilder(URI.create(impact)).GET(), 200);
                impacts.add(ms(t));
            }
            System.out.printf(Locale.ROOT, "impact, warm: median %.0f ms, min %.0f ms over %d runs%n", median(impacts),
                    Collections.min(impacts), runs);

            List<Double> puts = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                String name = String.format("service-%05d", (run * 997 + 13) % services);
                String entry = entry(name, run % 4 == 0, "v1.3.0");
                long t = System.nanoTime();
                send(HttpRequest.newBuilder(URI.create(base + "/services/" + name))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"entry\": " + entry + "}")), 201);
                if (run > 0) { // the first one also warms the write mirror
                    puts.add(ms(t));
                } else {
                    System.out.printf(Locale.ROOT, "PUT ref bump, first (fetches the write mirror): %.0f ms%n", ms(t));
                }
            }
            System.out.printf(Locale.ROOT, "PUT ref bump into %d entries: median %.0f ms, min %.0f ms, max %.0f ms over %d"
                    + " services (goal < 2000 ms)%n", services, median(puts), Collections.min(puts), Collections.max(puts),
                    runs);
        }
    }

    /** Every entry like the embedded account-service, pinned to v1.2.0 with a comment; a quarter list two catalog profiles. */
    static String servicesFile(int services) {
        StringBuilder out = new StringBuilder("# Service catalog (platform team): one entry per service.\nservices:\n");
        for (int i = 0; i < services; i++) {
            String name = String.format("service-%05d", i);
            out.append("  # ").append(name).append(": owned by team ").append(i / 20).append('\n')
                    .append("  - name: ").append(name).append('\n')
                    .append("    archetype: api\n    size: medium\n    regions: [euw1, euw2]\n")
                    .append("    enabledIn: [int-stable, pre-stable, prod]\n    costProfile: standard-api-cost\n")
                    .append("    cost:\n      costCenter: \"COR-B\"\n      businessUnit: \"core-banking\"\n")
                    .append("      costOwner: \"team-").append(i / 20).append("@company.com\"\n")
                    .append("    monitoringProfile: domain-api\n    monitoring:\n      dynatrace: true\n")
                    .append("      customMetrics:\n        repository:\n")
                    .append("          url: https://github.com/company/metrics-catalog\n")
                    .append("          ref: v1.2.0  # Pin to version\n");
            if (i % 4 == 0) {
                out.append("        profiles:\n          - payment-business-metrics\n          - payment-fraud-metrics\n");
            }
            out.append('\n');
        }
        return out.append("# end of the catalog\n").toString();
    }

    /** The same entry as JSON at {@code ref}. */
    static String entry(String name, boolean profiles, String ref) {
        int i = Integer.parseInt(name.substring(name.indexOf('-') + 1));
        return "{\"name\": \"" + name + "\", \"archetype\": \"api\", \"size\": \"medium\", \"regions\": [\"euw1\", \"euw2\"],"
                + " \"enabledIn\": [\"int-stable\", \"pre-stable\", \"prod\"], \"costProfile\": \"standard-api-cost\","
                + " \"cost\": {\"costCenter\": \"COR-B\", \"businessUnit\": \"core-banking\", \"costOwner\": \"team-" + (i / 20)
                + "@company.com\"}, \"monitoringProfile\": \"domain-api\", \"monitoring\": {\"dynatrace\": true,"
                + " \"customMetrics\": {\"repository\": {\"url\": \"https://github.com/company/metrics-catalog\", \"ref\": \""
                + ref + "\"}" + (i % 4 == 0 ? ", \"profiles\": [\"payment-business-metrics\", \"payment-fraud-metrics\"]" : "")
                + "}}}";
    }

    private static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String resource(String path) throws IOException {
        try (var in = ChangesBench.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
