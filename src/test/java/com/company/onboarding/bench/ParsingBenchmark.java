package com.company.onboarding.bench;

import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
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

/** Parsing the embedded profiles file with limits (every platform-next refresh does it once per new commit). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParsingBenchmark {

    private byte[] profiles;

    @Setup
    public void load() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("embedded/platform-next/kustomize/catalog/monitoring-profiles.yaml")) {
            profiles = in.readAllBytes();
        }
    }

    @Benchmark
    public JsonNode profilesFile() throws Exception {
        return YamlTrees.read(profiles, ParseLimits.DEFAULT);
    }
}
