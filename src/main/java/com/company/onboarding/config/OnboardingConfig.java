package com.company.onboarding.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The service's own settings: where it keeps data, git timeouts, and the known values of an entry. */
@ConfigMapping(prefix = "onboarding")
public interface OnboardingConfig {

    /** Holds the embedded repositories and the git caches. Relative paths are to the working directory. */
    @WithDefault("data")
    Path dataDir();

    /** Connect and read timeout of every git operation against a remote. */
    @WithDefault("30s")
    @WithConverter(Bounds.OneSecondOrLonger.class)
    Duration gitTimeout();

    /** Environments in the order previews list them; an {@code enabledIn} item is {@code <env>} or {@code <env>-<track>}. */
    @WithDefault("int,pre,prod")
    List<@WithConverter(Bounds.NotBlank.class) String> environments();

    /** Known tracks. */
    @WithDefault("stable")
    List<@WithConverter(Bounds.NotBlank.class) String> tracks();

    /** The track of an {@code enabledIn} item that names none. */
    @WithDefault("stable")
    String defaultTrack();

    @WithDefault("euw1,euw2")
    List<@WithConverter(Bounds.NotBlank.class) String> regions();

    @WithDefault("small,medium,large,xlarge")
    List<@WithConverter(Bounds.NotBlank.class) String> sizes();

    /** Known archetypes, each with the monitoring profile it normally uses. */
    Map<String, String> archetypes();

    /** Severities an alert rule may have. */
    @WithDefault("info,warning,critical")
    List<@WithConverter(Bounds.NotBlank.class) String> alertSeverities();

    /** Built-in signals an alert condition may read besides the merged custom metrics. */
    @WithDefault("ErrorRate,ResponseTime,Throughput,CrashDetection,JobStatus,ConsumerLag,CpuUsage,MemoryUsage,previous_day,previous_week")
    List<@WithConverter(Bounds.NotBlank.class) String> builtinSignals();

    /** Built-in functions an alert condition may call. */
    @WithDefault("Anomaly,SlowDatabaseQueries")
    List<@WithConverter(Bounds.NotBlank.class) String> builtinFunctions();

    /** Entity types an alert rule may target. */
    @WithDefault("SERVICE,DATABASE,JOB,KAFKA,HOST,PROCESS,APPLICATION")
    List<@WithConverter(Bounds.NotBlank.class) String> alertTargets();
}
