package com.company.onboarding.bench;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.ServiceEntry.Cost;
import com.company.onboarding.entry.ServiceEntry.CustomMetrics;
import com.company.onboarding.entry.ServiceEntry.Monitoring;
import com.company.onboarding.entry.ServiceEntry.Repository;
import com.company.onboarding.git.GitRemote;
import com.company.onboarding.git.GitUrl;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.pullrequest.LocalPullRequests;
import com.company.onboarding.pullrequest.OnboardingRequests;
import com.company.onboarding.pullrequest.OnboardingResult;
import com.company.onboarding.pullrequest.OnboardingService;
import com.company.onboarding.pullrequest.OnboardingSettings;
import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code POST /services} after validation, end to end on the {@code local} provider, into a
 * platform-next whose services.yaml has 10,000 entries (about 1 MB, the editor benchmark's file):
 * ask the remote for its heads, read services.yaml at the base, check the service is new, edit,
 * write the commit, check the heads again, push the new branch over {@code file://}. Every
 * invocation onboards a new service (a new branch).
 *
 * <p>{@code warmMirror}: the working mirror already holds the base commit (the usual case: the
 * base moves far less often than services are onboarded). {@code freshMirror}: a new, empty
 * working mirror each time, so the whole repository is fetched first (the first onboarding
 * after a start on an empty data directory).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OnboardingBenchmark {

    private static final OnboardingSettings SETTINGS = new OnboardingSettings("onboard/", "Monitoring Onboarding",
            "monitoring-onboarding@company.com", 5, Duration.ofSeconds(60));

    private Path root;
    private BareRepo remote;
    private OnboardingService warm;
    private int services;
    private int mirrors;

    @Setup
    public void createPlatformNext() {
        root = Fixtures.freshDirectory("onboarding-bench");
        remote = BareRepo.create(root.resolve("platform-next.git"));
        remote.commit("main", "a large catalog", Map.of(Fixtures.SERVICES_PATH,
                ServicesYamlEditorBenchmark.servicesFile(ServicesYamlEditorBenchmark.ENTRIES),
                Fixtures.PROFILES_PATH, Fixtures.text("platform-next/monitoring-profiles.yaml")));
        warm = service();
    }

    /** A new, empty working mirror for each invocation of {@code freshMirror}. */
    @State(Scope.Thread)
    public static class FreshMirror {
        OnboardingService service;

        @Setup(Level.Invocation)
        public void open(OnboardingBenchmark platform) {
            service = platform.service();
        }

        @TearDown(Level.Invocation)
        public void close() {
            service.close();
        }
    }

    @TearDown
    public void close() {
        warm.close();
        remote.close();
    }

    @Benchmark
    public OnboardingResult warmMirror() {
        return warm.onboard(OnboardingRequests.of(entry("bench-warm-" + (services++))));
    }

    @Benchmark
    public OnboardingResult freshMirror(FreshMirror mirror) {
        return mirror.service.onboard(OnboardingRequests.of(entry("bench-fresh-" + (services++))));
    }

    OnboardingService service() {
        GitRemote platformNext = new GitRemote("platform-next", new GitUrl(remote.url()), "x-access-token",
                Optional.empty(), Duration.ofSeconds(30));
        Mirror mirror = Mirror.open(platformNext, root.resolve("work-" + (mirrors++) + ".git"), new SimpleMeterRegistry());
        return new OnboardingService(mirror, "main", Fixtures.SERVICES_PATH, new LocalPullRequests(), SETTINGS,
                Clock.systemUTC());
    }

    private static ServiceEntry entry(String name) {
        return new ServiceEntry(name, "api", "large", List.of("euw1", "euw2"), List.of("int-stable", "pre-stable", "prod"),
                "standard-api-cost", new Cost("COR-B", "core-banking", "owner@company.com"), "domain-api",
                new Monitoring(true, new CustomMetrics(new Repository("https://github.com/company/metrics-catalog", "v1.2.0"),
                        List.of("payment-business-metrics", "payment-fraud-metrics"), null), null));
    }
}
