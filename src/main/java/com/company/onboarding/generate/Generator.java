package com.company.onboarding.generate;

import com.company.onboarding.assessment.Assessment;
import com.company.onboarding.assessment.AssessmentService;
import com.company.onboarding.assessment.Mode;
import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.merge.MergeResult;
import com.company.onboarding.merge.MergedTarget;
import com.company.onboarding.platform.PlatformSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Generates platform-next's Dynatrace ConfigMaps from a working tree (docs/generate.md): every
 * entry goes through the same assessment as a preview, and a target's file holds exactly the
 * bytes of that target's YAML preview. One entry at a time is assessed, rendered and written,
 * so memory does not grow with the estate's output.
 *
 * <p>Before anything is written, every catalog ref the entries name is resolved and fetched (one
 * entry per distinct ref is assessed first): a catalog that cannot be reached stops the run with
 * the previous files in place, and each catalog commit is fetched once per run.
 */
@ApplicationScoped
public class Generator {

    static final int OK = 0;
    static final int DIFFERENCES = 1;
    static final int INVALID = 2;
    static final int UNREADABLE = 3;

    /** Entries under way per worker: enough to keep the workers busy, few enough to bound memory. */
    private static final int WINDOW = 8;

    private final AssessmentService assessments;
    private final PlatformNextConfig platform;
    private final String defaultTrack;
    private final int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final boolean sampleCatalog;

    Generator(AssessmentService assessments, PlatformNextConfig platform, OnboardingConfig onboarding,
            MetricsCatalogConfig catalog) {
        this.assessments = assessments;
        this.platform = platform;
        this.defaultTrack = onboarding.defaultTrack();
        // As git.Remotes decides it: no fetch URL and the default canonical URL mean the sample catalog.
        this.sampleCatalog = catalog.fetchUrl().isEmpty() && catalog.url().value().equals(MetricsCatalogConfig.DEFAULT_URL);
    }

    public GenerateReport run(GenerateOptions options) {
        return new Run(options).execute();
    }

    /** One run's state: what it found, wrote and would write. */
    private final class Run {
        private final GenerateOptions options;
        private final OutputTree output;
        private final Path shownRoot;
        private final long started = System.nanoTime();
        private final List<String> added = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();
        private final List<String> removed = new ArrayList<>();
        private final List<GenerateReport.Problem> problems = new ArrayList<>();
        /** Every path a valid entry owns after this run. */
        private final Set<String> owned = new HashSet<>();
        /** Services whose files stay as they are: invalid entries. */
        private final Set<String> kept = new HashSet<>();
        private long unchanged;
        private int services;
        private int targets;
        private int invalid;
        private final AtomicBoolean wrote = new AtomicBoolean();
        private long readMs;
        private long catalogsMs;
        private long generateMs;

        Run(GenerateOptions options) {
            this.options = options;
            this.output = new OutputTree(options.out());
            this.shownRoot = options.out().normalize();
        }

        GenerateReport execute() {
            WorkingTree tree;
            PlatformSnapshot snapshot;
            Map<String, ObjectNode> entries;
            try {
                tree = WorkingTree.open(options.platformNext());
                snapshot = PlatformSnapshot.read(ObjectId.zeroId(), Instant.now(), platform.profilesPath(),
                        platform.servicesPath(), tree, "in the working tree " + options.platformNext());
            } catch (WorkingTree.Unreadable e) {
                return failed(UNREADABLE, "platform-next.unreadable", e.getMessage());
            }
            try {
                entries = snapshot.services().entries();
                snapshot.profiles();
            } catch (UpstreamInvalid e) {
                boolean missing = tree.isMissing(platform.servicesPath()) || tree.isMissing(platform.profilesPath());
                return missing ? failed(UNREADABLE, "platform-next.unreadable", e.detail())
                        : failed(INVALID, e.code(), e.detail());
            }
            Manifest manifest;
            try {
                byte[] bytes = output.read(Manifest.FILE);
                manifest = bytes == null ? Manifest.empty() : Manifest.parse(bytes);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return failed(UNREADABLE, "output.unreadable", e.getMessage());
            }
            manifest.ignored().forEach(line -> problems.add(new GenerateReport.Problem(null, null,
                    "manifest.line.ignored", show(Manifest.FILE) + " lists " + GenerateOptions.printable(line)
                    + ", which is not a file generate writes; it is left alone", "warning", null)));
            if (sampleCatalog) {
                problems.add(new GenerateReport.Problem(null, null, "metrics-catalog.embedded", "the catalog read is the"
                        + " embedded sample, not your metrics-catalog: set metrics-catalog.fetch-url"
                        + " (METRICS_CATALOG_FETCH_URL), and metrics-catalog.url if entries name another URL", "warning", null));
            }
            readMs = millisSince(started);

            List<String> selected = options.services().isEmpty() ? new ArrayList<>(entries.keySet()) : options.services();
            long catalogsStarted = System.nanoTime();
            try {
                prefetchCatalogs(selected, entries, snapshot);
            } catch (Unavailable e) {
                return failed(UNREADABLE, e.code(), e.detail());
            } catch (UncheckedIOException e) {
                return failed(UNREADABLE, "metrics-catalog.unreadable", e.getMessage());
            }
            catalogsMs = millisSince(catalogsStarted);

            long generateStarted = System.nanoTime();
            Set<String> manifestServices = new HashSet<>();
            manifest.paths().forEach(path -> manifestServices.add(Layout.service(path)));
            try {
                generateAll(selected, entries, manifestServices, snapshot);
                generateMs = millisSince(generateStarted);
                long cleanupStarted = System.nanoTime();
                Set<String> scope = options.services().isEmpty() ? null : new HashSet<>(options.services());
                Set<String> listed = new TreeSet<>(owned);
                for (String path : manifest.paths()) {
                    String service = Layout.service(path);
                    if (owned.contains(path)) {
                        continue;
                    }
                    if (scope != null && !scope.contains(service) || kept.contains(service)) {
                        listed.add(path);
                    } else if (output.exists(path)) {
                        removed.add(show(path));
                        if (!options.check()) {
                            wrote.set(true);
                            output.remove(path);
                        }
                    }
                }
                writeManifest(listed, manifest);
                return report(millisSince(cleanupStarted));
            } catch (Unavailable e) {
                return failed(UNREADABLE, e.code(), e.detail());
            } catch (UncheckedIOException e) {
                return failed(UNREADABLE, "output.unwritable", e.getMessage()
                        + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            }
        }

        /**
         * Resolves and fetches every catalog ref the selected entries name, through the same
         * assessment as the rest, one entry per distinct repository and ref.
         */
        private void prefetchCatalogs(List<String> selected, Map<String, ObjectNode> entries, PlatformSnapshot snapshot) {
            Map<String, ObjectNode> probes = new LinkedHashMap<>();
            for (String name : selected) {
                ObjectNode entry = entries.get(name);
                String key = entry == null ? null : catalogKey(entry);
                if (key != null) {
                    probes.putIfAbsent(key, entry);
                }
            }
            probes.values().forEach(entry -> assessments.assess(entry, Mode.EXISTING, snapshot));
        }

        /**
         * Entries are assessed, rendered and written by {@link #workers} threads, at most
         * {@link #WINDOW} per worker ahead of the one reported next; outcomes are taken in entry
         * order, so the report (and the manifest) do not depend on which thread ran first.
         */
        private void generateAll(List<String> selected, Map<String, ObjectNode> entries, Set<String> manifestServices,
                PlatformSnapshot snapshot) {
            ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
                Thread thread = new Thread(runnable, "generate");
                thread.setDaemon(true);
                return thread;
            });
            Deque<Future<Outcome>> pending = new ArrayDeque<>();
            try {
                for (String name : selected) {
                    ObjectNode entry = entries.get(name);
                    if (entry == null) {
                        if (!manifestServices.contains(name)) {
                            pending.add(CompletableFuture.completedFuture(Outcome.invalid(name, List.of(problem(name,
                                    Finding.error("/services", "service.not-found", "no entry named " + name + " in "
                                            + platform.servicesPath() + " and no file generated for it"))))));
                        }
                    } else {
                        pending.add(pool.submit(() -> generate(name, entry, snapshot)));
                    }
                    while (pending.size() >= workers * WINDOW) {
                        take(pending.removeFirst());
                    }
                }
                while (!pending.isEmpty()) {
                    take(pending.removeFirst());
                }
            } finally {
                pending.forEach(future -> future.cancel(false));
                pool.shutdown();
                try {
                    // Entries under way finish their files, so a failed run leaves each file whole.
                    pool.awaitTermination(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void take(Future<Outcome> future) {
            Outcome outcome;
            try {
                outcome = future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
            problems.addAll(outcome.problems());
            if (outcome.invalid()) {
                kept.add(outcome.service());
                invalid++;
                return;
            }
            services++;
            targets += outcome.targets();
            owned.addAll(outcome.owned());
            outcome.added().forEach(path -> added.add(show(path)));
            outcome.changed().forEach(path -> changed.add(show(path)));
            unchanged += outcome.unchanged();
        }

        /** One entry, on a worker: its findings, and its files compared and (unless checking) written. */
        private Outcome generate(String name, ObjectNode entry, PlatformSnapshot snapshot) {
            Assessment assessment = assessments.assess(entry, Mode.EXISTING, snapshot);
            List<GenerateReport.Problem> found = new ArrayList<>();
            assessment.warnings().forEach(w -> found.add(problem(name, w)));
            MergeResult merge = assessment.merge();
            if (!assessment.valid() || merge == null) {
                assessment.errors().forEach(e -> found.add(problem(name, e)));
                if (assessment.errors().isEmpty()) {
                    found.add(problem(name, Finding.error("", "entry.unmergeable", "the entry could not be merged")));
                }
                return Outcome.invalid(name, found);
            }
            Map<String, MergedTarget> byDirectory = new LinkedHashMap<>();
            for (MergedTarget target : merge.targets()) {
                String directory;
                try {
                    directory = Layout.directory(name, target.target(), defaultTrack);
                } catch (IllegalArgumentException e) {
                    found.add(problem(name, Finding.error("/enabledIn", "generate.path.invalid", e.getMessage())));
                    return Outcome.invalid(name, found);
                }
                if (byDirectory.putIfAbsent(directory, target) != null) {
                    found.add(problem(name, Finding.error("/enabledIn", "generate.path.conflict", "two targets would write "
                            + show(directory) + "; environment and track names overlap")));
                    return Outcome.invalid(name, found);
                }
            }
            Outcome outcome = new Outcome(name, found, false, byDirectory.size());
            byDirectory.forEach((directory, target) -> {
                // The bytes of this target's YAML preview (GET /services/{name}/preview?environment=&track=&region=).
                String yaml = merge.select(target.target().environment(), target.target().track(),
                        target.target().region()).yaml();
                apply(outcome, directory + "/" + Layout.CONFIG_MAP, yaml.getBytes(StandardCharsets.UTF_8));
                apply(outcome, directory + "/" + Layout.KUSTOMIZATION, Layout.KUSTOMIZATION_BYTES);
            });
            return outcome;
        }

        private void apply(Outcome outcome, String path, byte[] bytes) {
            outcome.owned().add(path);
            switch (output.compare(path, bytes)) {
                case SAME -> {
                    outcome.unchanged++;
                    return;
                }
                case ABSENT -> outcome.added().add(path);
                case DIFFERENT -> outcome.changed().add(path);
            }
            if (!options.check()) {
                wrote.set(true);
                output.write(path, bytes);
            }
        }

        /** The manifest last, so it never lists a file that was not written. */
        private void writeManifest(Set<String> listed, Manifest previous) {
            boolean existed = output.exists(Manifest.FILE);
            if (listed.isEmpty() && !existed) {
                return;
            }
            if (listed.isEmpty()) {
                removed.add(show(Manifest.FILE));
                if (!options.check()) {
                    output.remove(Manifest.FILE);
                }
                return;
            }
            byte[] bytes = Manifest.render(listed);
            switch (output.compare(Manifest.FILE, bytes)) {
                case SAME -> {
                    unchanged++;
                    return;
                }
                case ABSENT -> added.add(show(Manifest.FILE));
                case DIFFERENT -> changed.add(show(Manifest.FILE));
            }
            if (!options.check()) {
                output.write(Manifest.FILE, bytes);
            }
        }

        private GenerateReport report(long cleanupMs) {
            GenerateReport.Files files = new GenerateReport.Files(added, changed, removed, unchanged);
            int exitCode = invalid > 0 ? INVALID : options.check() && files.differences() > 0 ? DIFFERENCES : OK;
            String status = invalid > 0 ? "invalid"
                    : files.differences() == 0 ? "up-to-date" : options.check() ? "out-of-date" : "generated";
            return new GenerateReport(status, exitCode, options.check(), shownRoot.toString(), services, targets,
                    files, problems, null, timings(cleanupMs));
        }

        private GenerateReport failed(int exitCode, String code, String message) {
            String detail = message + (wrote.get() ? "; files written before this are complete, the others are as they were"
                    : "; no file was changed");
            return new GenerateReport("failed", exitCode, options.check(), shownRoot.toString(), services, targets,
                    new GenerateReport.Files(added, changed, removed, unchanged), problems,
                    new GenerateReport.Failure(code, detail), timings(0));
        }

        private GenerateReport.Timings timings(long cleanupMs) {
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            return new GenerateReport.Timings(readMs, catalogsMs, generateMs, cleanupMs, millisSince(started), sinceJvmStart);
        }

        private String show(String path) {
            return shownRoot.resolve(path).toString();
        }
    }

    /** What one entry came to: its findings, and the files it owns, by what happened to them (paths relative). */
    private static final class Outcome {
        private final String service;
        private final List<GenerateReport.Problem> problems;
        private final boolean invalid;
        private final int targets;
        private final List<String> owned = new ArrayList<>();
        private final List<String> added = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();
        private long unchanged;

        Outcome(String service, List<GenerateReport.Problem> problems, boolean invalid, int targets) {
            this.service = service;
            this.problems = problems;
            this.invalid = invalid;
            this.targets = targets;
        }

        static Outcome invalid(String service, List<GenerateReport.Problem> problems) {
            return new Outcome(service, problems, true, 0);
        }

        String service() {
            return service;
        }

        List<GenerateReport.Problem> problems() {
            return problems;
        }

        boolean invalid() {
            return invalid;
        }

        int targets() {
            return targets;
        }

        List<String> owned() {
            return owned;
        }

        List<String> added() {
            return added;
        }

        List<String> changed() {
            return changed;
        }

        long unchanged() {
            return unchanged;
        }
    }

    /** The catalog an entry reads, as written: repository URL and ref (no ref: the default branch). */
    static String catalogKey(JsonNode entry) {
        JsonNode repository = entry.at("/monitoring/customMetrics/repository");
        JsonNode url = repository.path("url");
        if (!url.isTextual()) {
            return null;
        }
        JsonNode ref = repository.path("ref");
        return url.asText() + "\n" + (ref.isTextual() ? ref.asText() : "");
    }

    static GenerateReport.Problem problem(String service, Finding finding) {
        return new GenerateReport.Problem(service, finding.pointer(), finding.code(), finding.message(),
                finding.severity().json(), finding.source());
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
