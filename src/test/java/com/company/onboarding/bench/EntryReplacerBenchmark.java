package com.company.onboarding.bench;

import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.servicesyaml.EntryReplacer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The text edit of {@code PUT /services/{name}} on a services.yaml of 10,000 entries, an entry in
 * the middle found, edited in place and verified by re-parsing the whole file. {@code file}
 * {@code editor}: the onboarding editor benchmark's file (1.06 MB, every twentieth entry full),
 * {@code size: medium} changed to {@code large}; {@code pinned}: the changes benchmark's file
 * (about 5 MB, every entry full and pinned to the catalog), a ref bump. {@code parseOnly} is one
 * parse of the same file, for scale: the edit parses the old file and the new one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EntryReplacerBenchmark {

    @Param({"editor", "pinned"})
    public String file;

    private final EntryReplacer replacer = new EntryReplacer();
    private String text;
    private ObjectNode changed;

    @Setup
    public void generate() throws Exception {
        if (file.equals("editor")) {
            text = ServicesYamlEditorBenchmark.servicesFile(ChangesBench.SERVICES);
            changed = (ObjectNode) YamlTrees.read(text, ParseLimits.DEFAULT).path("services").get(5000).deepCopy();
            changed.put("size", "large");
        } else {
            text = ChangesBench.servicesFile(ChangesBench.SERVICES);
            changed = (ObjectNode) YamlTrees.read(ChangesBench.entry("service-05000", true, "v1.3.0"), ParseLimits.DEFAULT);
        }
    }

    @Benchmark
    public EntryReplacer.Replaced replace() throws Exception {
        return replacer.replace(text, "service-05000", changed);
    }

    /** One parse of the same file with limits, for scale: the edit parses the old file and the new one. */
    @Benchmark
    public JsonNode parseOnly() throws Exception {
        return YamlTrees.read(text, ParseLimits.DEFAULT);
    }
}
