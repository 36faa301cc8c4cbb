package com.company.onboarding.bench;

import com.company.onboarding.merge.MergeEngine;
import com.company.onboarding.merge.MergeFixtures;
import com.company.onboarding.merge.MergeInput;
import com.company.onboarding.merge.MergeResult;
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
 * The merge engine on the design document's payment-processor entry (section 3.1) against the
 * embedded domain-api profile and the embedded catalog at v1.3.0: all six targets. Inputs are
 * parsed once, as the service holds them in its caches; what is measured is what a warm preview
 * request costs beyond binding the body. Goal: under 1 ms for all targets, rendering included.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MergeBenchmark {

    private final MergeEngine engine = new MergeEngine();
    private MergeInput input;

    @Setup
    public void load() {
        input = MergeFixtures.paymentProcessorAt("v1.3.0");
    }

    /** Merge, application JSON of every target, and the multi-document YAML stream. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public String mergeAndRenderAllTargets() {
        return engine.merge(input).yaml();
    }

    /** Merge and application JSON only (what a JSON preview serialises). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public MergeResult mergeAllTargets() {
        return engine.merge(input);
    }
}
