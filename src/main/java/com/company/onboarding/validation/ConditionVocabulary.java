package com.company.onboarding.validation;

import com.company.onboarding.validation.Condition.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names an alert condition may use besides the merged custom metrics: built-in signals
 * (read for their value: {@code ErrorRate}, {@code previous_day}) and built-in functions (called:
 * {@code Anomaly(ErrorRate)}). Finds the names a condition uses that are none of these
 * ({@code alert.condition.unknown-metric}). Names match exactly, case included.
 *
 * @param signals   built-in signals, in the documented order
 * @param functions built-in functions, in the documented order
 */
public record ConditionVocabulary(Set<String> signals, Set<String> functions) {

    /** The design document's signals, plus the other usual service, host and comparison signals. */
    public static final List<String> DEFAULT_SIGNALS = List.of(
            "ErrorRate", "ResponseTime", "Throughput", "CrashDetection", "JobStatus", "ConsumerLag",
            "CpuUsage", "MemoryUsage", "previous_day", "previous_week");

    /** The design document's functions. */
    public static final List<String> DEFAULT_FUNCTIONS = List.of("Anomaly", "SlowDatabaseQueries");

    /** What the service knows when nothing is configured. */
    public static final ConditionVocabulary DEFAULT = new ConditionVocabulary(DEFAULT_SIGNALS, DEFAULT_FUNCTIONS);

    public ConditionVocabulary {
        signals = Collections.unmodifiableSet(new LinkedHashSet<>(signals));
        functions = Collections.unmodifiableSet(new LinkedHashSet<>(functions));
    }

    public ConditionVocabulary(Collection<String> signals, Collection<String> functions) {
        this(new LinkedHashSet<>(signals), new LinkedHashSet<>(functions));
    }

    /** A name the condition uses that is neither a custom metric nor a built-in, where it was first used. */
    public record UnknownReference(Reference reference, Rejection rejection) {

        /** {@code column 1: "revenue_totl" is neither ...; did you mean "revenue_total"?} */
        public String message() {
            return "column " + reference.column() + ": " + rejection.message();
        }
    }

    /**
     * Every unknown name of {@code condition}, each once at its first use, in the order written.
     * A signal must be one of {@code metrics} (the merged custom metrics' names) or a built-in
     * signal; a function must be a built-in function.
     */
    public List<UnknownReference> unknownIn(Condition condition, Collection<String> metrics) {
        Set<String> metricNames = metrics instanceof Set<String> set ? set : new HashSet<>(metrics);
        List<UnknownReference> unknown = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Reference reference : condition.references()) {
            Rejection rejection = reference.kind() == Reference.Kind.FUNCTION
                    ? unknownFunction(reference.name(), metricNames)
                    : unknownSignal(reference.name(), metricNames);
            if (rejection != null && reported.add(reference.kind() + " " + reference.name())) {
                unknown.add(new UnknownReference(reference, rejection));
            }
        }
        return unknown;
    }

    private Rejection unknownSignal(String name, Set<String> metrics) {
        if (metrics.contains(name) || signals.contains(name)) {
            return null;
        }
        if (functions.contains(name)) {
            return Rejection.of(Rejection.quoted(name) + " is a function: call it, as in " + name + "(ErrorRate)");
        }
        List<String> candidates = new ArrayList<>(metrics);
        candidates.addAll(signals);
        return new Rejection(Rejection.quoted(name) + " is neither a custom metric of this service nor a built-in signal ("
                + String.join(", ", signals) + ")", Suggestions.closest(name, candidates).orElse(null));
    }

    private Rejection unknownFunction(String name, Set<String> metrics) {
        if (functions.contains(name)) {
            return null;
        }
        String reason = metrics.contains(name) || signals.contains(name)
                ? Rejection.quoted(name) + " is a " + (metrics.contains(name) ? "custom metric" : "signal")
                        + ", not a function; built-in functions are " + String.join(", ", functions)
                : Rejection.quoted(name) + " is not a built-in function; built-in functions are " + String.join(", ", functions);
        return new Rejection(reason, Suggestions.closest(name, functions).orElse(null));
    }
}
