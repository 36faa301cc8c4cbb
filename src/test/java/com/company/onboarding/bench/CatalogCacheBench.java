package com.company.onboarding.bench;

import com.company.onboarding.catalog.CatalogReader;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalog.CommitStore;
import com.company.onboarding.git.Bulkhead;
import com.company.onboarding.git.CommitFetcher;
import com.company.onboarding.git.GitRemote;
import com.company.onboarding.git.GitUrl;
import com.company.onboarding.git.RemoteClient;
import com.company.onboarding.git.RemoteRefs;
import com.company.onboarding.testing.PackagedService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The metrics-catalog cache benchmark (docs/benchmarks.md, "Metrics-catalog cache"); not a
 * test. Run it with {@code bench/metrics-catalog.sh}, which builds the jar first. Measures, on a
 * catalog from {@link CatalogGenerator}:
 * <ol>
 *   <li>{@code git clone --depth 1 --branch <tag> file://...}, the design document's way;</li>
 *   <li>a cold tag through the component in a warm JVM (after {@value #WARMUP} runs): ls-remote,
 *       shallow fetch into a fresh store, parse with a fresh reader (nothing shared with earlier runs);</li>
 *   <li>a cold tag through the endpoint of a freshly started service (its first request);</li>
 *   <li>a new tag through the endpoint of a warm service that holds other tags;</li>
 *   <li>warm {@code GET /metrics-catalog/refs/{tag}}: median and p99;</li>
 *   <li>heap held by 50 cached commits, and their bytes on disk.</li>
 * </ol>
 */
public final class CatalogCacheBench {

    private static final Path WORK = Path.of("target", "bench", "metrics-catalog").toAbsolutePath();
    private static final int RUNS = 11;
    private static final int WARMUP = 15;

    public static void main(String[] args) throws Exception {
        Path repository = WORK.resolve("metrics-catalog.git");
        if (!Files.exists(repository)) {
            CatalogGenerator.generate(repository);
        }
        List<String> tags = CatalogGenerator.tags();
        String tag = tags.get(tags.size() - 1);
        String url = repository.toUri().toString();
        System.out.printf(Locale.ROOT, "catalog: %d services x %d files + %d profiles, %d tagged commits; pack %s%n",
                CatalogGenerator.SERVICES, CatalogGenerator.FILES_PER_SERVICE, CatalogGenerator.PROFILES,
                CatalogGenerator.COMMITS, kib(sizeOf(repository)));

        List<Double> gitTimes = gitClone(url, tag);
        double git = median(gitTimes);
        System.out.printf(Locale.ROOT, "git clone --depth 1 --branch %s file://: median %.0f ms, min %.0f ms%n", tag, git,
                min(gitTimes));

        List<Double> componentTimes = componentCold(url, tag);
        double component = median(componentTimes);
        System.out.printf(Locale.ROOT, "component, cold tag, warm JVM: median %.0f ms (%.2fx git), min %.0f ms (%.2fx git's min)%n",
                component, component / git, min(componentTimes), min(componentTimes) / min(gitTimes));

        List<Double> firstRequests = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (PackagedService service = start(url, "cold-" + run)) {
                String base = service.awaitStarted(Duration.ofMinutes(2));
                firstRequests.add(time(() -> get(base, tag)));
            }
        }
        System.out.printf(Locale.ROOT, "endpoint, first request of a fresh service: median %.0f ms (%.2fx git)%n",
                median(firstRequests), median(firstRequests) / git);

        try (PackagedService service = start(url, "warm")) {
            String base = service.awaitStarted(Duration.ofMinutes(2));
            try {
                for (String warm : tags.subList(0, 10)) {
                    get(base, warm);
                }
            } catch (IllegalStateException e) {
                System.out.println(service.output());
                throw e;
            }
            List<Double> newTags = new ArrayList<>();
            for (String next : tags.subList(10, 10 + RUNS)) {
                newTags.add(time(() -> get(base, next)));
            }
            System.out.printf(Locale.ROOT, "endpoint, new tag in a warm service: median %.0f ms (%.2fx git)%n",
                    median(newTags), median(newTags) / git);

            for (int i = 0; i < 2_000; i++) {
                get(base, tag);
            }
            double[] warm = new double[10_000];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = time(() -> get(base, tag));
            }
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "endpoint, warm GET /metrics-catalog/refs/%s: median %.3f ms, p99 %.3f ms%n",
                    tag, warm[warm.length / 2], warm[(int) Math.ceil(warm.length * 0.99) - 1]);
        }

        heapOf50Commits(url, tags.subList(tags.size() - 50, tags.size()));
    }

    private static List<Double> gitClone(String url, String tag) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            Path target = WORK.resolve("clone-" + run);
            deleteTree(target);
            double ms = time(() -> {
                Process git = new ProcessBuilder("git", "-c", "advice.detachedHead=false", "clone", "-q", "--depth", "1", "--branch", tag, url, target.toString())
                        .inheritIO().start();
                if (git.waitFor() != 0) {
                    throw new IllegalStateException("git clone failed");
                }
            });
            deleteTree(target);
            if (run > 0) { // the first run warms the page cache
                times.add(ms);
            }
        }
        return times;
    }

    private static List<Double> componentCold(String url, String tag) throws Exception {
        RemoteClient remote = remote(url);
        List<Double> times = new ArrayList<>();
        for (int run = -WARMUP; run < RUNS; run++) {
            Path root = WORK.resolve("store-" + run);
            deleteTree(root);
            double ms = time(() -> {
                CommitStore store = new CommitStore(fetcher(remote), root, 10, Long.MAX_VALUE);
                RemoteRefs refs = remote.lsRemote();
                ObjectId commit = refs.get("refs/tags/" + tag).orElseThrow();
                try (CommitStore.Lease lease = store.lease(commit, () -> List.of("refs/tags/" + tag))) {
                    new CatalogReader().read(lease.repository(), commit);
                }
            });
            deleteTree(root);
            if (run >= 0) { // the first runs warm the JIT, as a running service's earlier requests do
                times.add(ms);
            }
        }
        return times;
    }

    /** The service's defaults: two fetches at once, 32 requests waiting. */
    private static CommitFetcher fetcher(RemoteClient remote) {
        return new CommitFetcher(remote, new Bulkhead("metrics-catalog", 32, 2, Duration.ofSeconds(30)));
    }

    private static void heapOf50Commits(String url, List<String> tags) throws Exception {
        RemoteClient remote = remote(url);
        Path root = WORK.resolve("store-heap");
        deleteTree(root);
        CommitStore store = new CommitStore(fetcher(remote), root, 100, Long.MAX_VALUE);
        RemoteRefs refs = remote.lsRemote();
        CatalogReader reader = new CatalogReader();
        long before = usedHeap();
        List<CatalogSnapshot> held = new ArrayList<>();
        for (String tag : tags) {
            ObjectId commit = refs.get("refs/tags/" + tag).orElseThrow();
            try (CommitStore.Lease lease = store.lease(commit, () -> List.of("refs/tags/" + tag))) {
                held.add(reader.read(lease.repository(), commit));
            }
        }
        long shared = usedHeap() - before;
        held.clear();
        long baseline = usedHeap();
        CatalogSnapshot one;
        ObjectId first = refs.get("refs/tags/" + tags.get(0)).orElseThrow();
        try (CommitStore.Lease lease = store.lease(first, List::of)) {
            one = new CatalogReader().read(lease.repository(), first);
        }
        long single = usedHeap() - baseline;
        System.out.printf(Locale.ROOT, "heap held by 50 cached commits: %s (one commit alone: %s, %d files); on disk: %s%n",
                mib(shared), mib(single), one.files().size(), mib(store.bytes()));
        deleteTree(root);
    }

    private static RemoteClient remote(String url) {
        return new RemoteClient(new GitRemote("metrics-catalog", new GitUrl(url), "x", Optional.empty(),
                Duration.ofSeconds(30)), new SimpleMeterRegistry());
    }

    private static PackagedService start(String url, String name) throws IOException {
        Path data = WORK.resolve("data-" + name);
        deleteTree(data);
        return PackagedService.start(Map.of(
                "metrics-catalog.fetch-url", url,
                "onboarding.data-dir", data.toString()));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void get(String base, String tag) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics-catalog/refs/" + tag))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(tag + ": " + response.statusCode() + " " + response.body());
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }

    private static long sizeOf(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
