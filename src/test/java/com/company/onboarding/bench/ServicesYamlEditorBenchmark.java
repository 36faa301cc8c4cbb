package com.company.onboarding.bench;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.ServiceEntry.Cost;
import com.company.onboarding.entry.ServiceEntry.CustomMetrics;
import com.company.onboarding.entry.ServiceEntry.Monitoring;
import com.company.onboarding.entry.ServiceEntry.Repository;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.servicesyaml.ServicesEdit;
import com.company.onboarding.servicesyaml.ServicesYamlEditor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The text edit of {@code POST /services} on a {@code services.yaml} of 10,000 entries (about
 * 1 MB, commented, blank lines between items): find the list, render the entry, splice, and
 * re-parse to verify. {@code parseOnly} is one parse of the same file with limits, for scale:
 * the edit parses the old file twice (tree and outline) and the new one once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServicesYamlEditorBenchmark {

    public static final int ENTRIES = 10_000;

    private final ServicesYamlEditor editor = new ServicesYamlEditor();
    private String file;
    private ServiceEntry entry;

    @Setup
    public void generate() {
        file = servicesFile(ENTRIES);
        entry = new ServiceEntry("payment-processor", "api", "large", List.of("euw1", "euw2"),
                List.of("int-stable", "pre-stable", "prod"), "standard-api-cost",
                new Cost("COR-B", "core-banking", "owner@company.com"), "domain-api",
                new Monitoring(true, new CustomMetrics(new Repository("https://github.com/company/metrics-catalog", "v1.2.0"),
                        List.of("payment-business-metrics", "payment-fraud-metrics"), null), null));
    }

    /** Mostly short entries, every twentieth a full one with a comment, as a long-lived catalog looks. */
    public static String servicesFile(int entries) {
        StringBuilder out = new StringBuilder("# Service catalog (platform team): one entry per service.\nservices:\n");
        for (int i = 0; i < entries; i++) {
            String name = String.format("service-%05d", i);
            if (i % 20 == 0) {
                out.append("  # ").append(name).append(": owned by team ").append(i / 20).append('\n')
                        .append("  - name: ").append(name).append('\n')
                        .append("    archetype: api\n    size: medium\n    regions: [euw1, euw2]\n")
                        .append("    enabledIn: [int-stable, pre-stable, prod]\n    costProfile: standard-api-cost\n")
                        .append("    cost:\n      costCenter: \"COR-B\"\n      businessUnit: \"core-banking\"\n")
                        .append("      costOwner: \"team-").append(i / 20).append("@company.com\"\n")
                        .append("    monitoringProfile: domain-api\n    monitoring:\n      dynatrace: true\n\n");
            } else {
                out.append("  - name: ").append(name).append('\n')
                        .append("    archetype: job\n    monitoringProfile: batch-job-observability\n\n");
            }
        }
        return out.append("# end of the catalog\n").toString();
    }

    @Benchmark
    public ServicesEdit append() throws Exception {
        return editor.append(file, entry);
    }

    @Benchmark
    public JsonNode parseOnly() throws Exception {
        return YamlTrees.read(file, ParseLimits.DEFAULT);
    }
}
