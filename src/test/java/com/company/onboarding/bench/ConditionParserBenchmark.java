package com.company.onboarding.bench;

import com.company.onboarding.validation.AlertConditionParser;
import com.company.onboarding.validation.Condition;
import com.company.onboarding.validation.ConditionSyntaxException;
import com.company.onboarding.validation.ConditionVocabulary;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing the nine conditions of docs/spec.md#alert-conditions (a validation parses every rule of the merged
 * config once), and parsing plus checking their names against the merged metrics. A score is
 * one invocation: all nine conditions. Sampled, so the median and p99 show through the noise of
 * a shared machine better than an average does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionParserBenchmark {

    private static final List<String> CONDITIONS = List.of(
            "Anomaly(ErrorRate)",
            "CrashDetection",
            "SlowDatabaseQueries(200ms)",
            "ErrorRate > 0.0005",
            "JobStatus == 'FAILED'",
            "ConsumerLag > 1000",
            "payment_success_rate < 95.0",
            "chargeback_count / payment_transactions_total > 0.01",
            "revenue_total < previous_day * 0.9");

    private static final Set<String> METRICS = Set.of(
            "payment_transactions_total", "payment_success_rate", "fraud_check_latency", "chargeback_count",
            "payment_amount_total", "revenue_total");

    @Benchmark
    public void parse(Blackhole blackhole) throws ConditionSyntaxException {
        for (String condition : CONDITIONS) {
            blackhole.consume(AlertConditionParser.parse(condition));
        }
    }

    @Benchmark
    public void parseAndCheckNames(Blackhole blackhole) throws ConditionSyntaxException {
        for (String text : CONDITIONS) {
            Condition condition = AlertConditionParser.parse(text);
            blackhole.consume(ConditionVocabulary.DEFAULT.unknownIn(condition, METRICS));
        }
    }
}
