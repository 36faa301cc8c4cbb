package com.company.onboarding.merge;

import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.function.Function;

/**
 * SLOs of one environment (docs/spec.md#slos): the profile's baseline, then the profile's
 * environment override, then the entry's override; the last one present wins. Numbers are the
 * nodes as parsed, so {@code 99.0} stays {@code 99.0}.
 *
 * <p>Where a profile writes {@code availability} or {@code errorRate} as a single number instead of
 * {@code baseline<Env>} values, that number is the baseline of every environment.
 */
final class Slos {

    /**
     * The SLO values of one environment in output order, where each came from, every source that
     * gave a value (also one a later source replaced), and values that could not be used.
     */
    record Resolved(ObjectNode values, Map<String, Located> origins, Set<Source> read, List<Finding> findings) {
    }

    /** One output SLO: where the profile keeps it and which entry override field sets it. */
    private record Slo(String output, String group, Function<String, String> key, boolean perEnvironment,
            Function<ServiceEntry.EnvironmentOverride, BigDecimal> entryValue, String entryField) {
    }

    private static final List<Slo> SLOS = List.of(
            new Slo("availability", "availability", Slos::baselineKey, true,
                    ServiceEntry.EnvironmentOverride::sloAvailability, "sloAvailability"),
            new Slo("latencyP95Ms", "latency", env -> "p95Baseline", false,
                    ServiceEntry.EnvironmentOverride::sloLatencyP95ms, "sloLatencyP95ms"),
            new Slo("latencyP99Ms", "latency", env -> "p99Baseline", false,
                    ServiceEntry.EnvironmentOverride::sloLatencyP99ms, "sloLatencyP99ms"),
            new Slo("errorRate", "errorRate", Slos::baselineKey, true,
                    ServiceEntry.EnvironmentOverride::sloErrorRate, "sloErrorRate"));

    private Slos() {
    }

    /**
     * @param profileOverride the profile's override source for this environment, or null when it has none
     * @param entryOverride   the entry's override for this environment, or null
     */
    static Resolved resolve(MonitoringProfile profile, Source profileSource, Source profileOverride, String environment,
            ServiceEntry.EnvironmentOverride entryOverride, Source entrySource) {
        ObjectNode values = YamlTrees.NODES.objectNode();
        Map<String, Located> origins = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Set<Source> read = new LinkedHashSet<>();
        String profilePointer = Source.profilePointer(profile.name());
        MonitoringProfile.EnvironmentOverride override = profile.environmentOverrides().get(environment);
        for (Slo slo : SLOS) {
            String key = slo.key().apply(environment);
            pick(slo, key, profile.slos(), new Located(profileSource, profilePointer + "/slos"), values, origins, findings);
            if (override != null && profileOverride != null) {
                pick(slo, key, override.slos(), new Located(profileOverride, profilePointer + "/environmentOverrides/"
                        + YamlTrees.escape(environment) + "/slos"), values, origins, findings);
            }
            Located picked = origins.get(slo.output());
            if (picked != null) {
                read.add(picked.source());
            }
            BigDecimal entryValue = entryOverride == null ? null : slo.entryValue().apply(entryOverride);
            if (entryValue != null) {
                values.set(slo.output(), number(entryValue));
                origins.put(slo.output(), new Located(entrySource,
                        "/monitoring/overrides/" + YamlTrees.escape(environment) + "/" + slo.entryField()));
                read.add(entrySource);
            }
        }
        return new Resolved(values, origins, read, findings);
    }

    /**
     * An entry's number as the node a parser gives for the same text: {@code 200} an integer node,
     * {@code 99.0} a decimal with its scale; so the document equals its own re-parsed JSON.
     */
    static JsonNode number(BigDecimal value) {
        if (value.scale() > 0) {
            return YamlTrees.NODES.numberNode(value);
        }
        BigInteger integer = value.toBigIntegerExact();
        return integer.bitLength() < 32 ? YamlTrees.NODES.numberNode(integer.intValue())
                : integer.bitLength() < 64 ? YamlTrees.NODES.numberNode(integer.longValue())
                : YamlTrees.NODES.numberNode(integer);
    }

    /** {@code baseline} and the environment's name capitalised: {@code prod} gives {@code baselineProd}. */
    static String baselineKey(String environment) {
        return environment.isEmpty() ? "baseline"
                : "baseline" + environment.substring(0, 1).toUpperCase(Locale.ROOT) + environment.substring(1);
    }

    private static void pick(Slo slo, String key, ObjectNode slos, Located at, ObjectNode values,
            Map<String, Located> origins, List<Finding> findings) {
        if (slos == null) {
            return;
        }
        JsonNode group = slos.get(slo.group());
        Located groupAt = at.child(YamlTrees.escape(slo.group()));
        JsonNode value;
        Located valueAt;
        if (group == null || group.isNull()) {
            return;
        } else if (group.isNumber() && slo.perEnvironment()) {
            value = group;
            valueAt = groupAt;
        } else if (group.isObject()) {
            value = group.get(key);
            valueAt = groupAt.child(YamlTrees.escape(key));
        } else {
            findings.add(groupAt.place(Finding.warning("", "field.invalid",
                    "SLO " + slo.group() + " must be " + (slo.perEnvironment() ? "a number or " : "")
                            + "a mapping; it is not used")));
            return;
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            findings.add(valueAt.place(Finding.warning("", "field.invalid",
                    "SLO " + slo.group() + "." + key + " must be a number; it is not used")));
            return;
        }
        values.set(slo.output(), value);
        origins.put(slo.output(), valueAt);
    }
}
