package com.company.onboarding.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of accepted unit spellings and the Dynatrace unit each becomes (docs/spec.md#units
 * mirrors it; a test keeps them equal).
 * Entries and catalog files write the design document's lowercase spellings ({@code count},
 * {@code seconds}); Dynatrace's own names ({@code Count}, {@code Second}) are accepted as
 * themselves. Matching is exact: {@code Seconds} is refused with {@code seconds} suggested.
 */
public final class MetricUnits {

    private static final Map<String, String> TABLE = table(
            // the design document's lowercase spellings
            "count", "Count",
            "percent", "Percent",
            "ratio", "Ratio",
            "nanoseconds", "NanoSecond",
            "microseconds", "MicroSecond",
            "milliseconds", "MilliSecond",
            "seconds", "Second",
            "minutes", "Minute",
            "hours", "Hour",
            "days", "Day",
            "bytes", "Byte",
            "kilobytes", "KiloByte",
            "megabytes", "MegaByte",
            "gigabytes", "GigaByte",
            "per_second", "PerSecond",
            "per_minute", "PerMinute",
            "bytes_per_second", "BytePerSecond",
            "currency", "Unspecified", // Dynatrace has no currency unit: the currency goes in a dimension
            "unspecified", "Unspecified",
            // Dynatrace's names, as themselves
            "Count", "Count",
            "Percent", "Percent",
            "Ratio", "Ratio",
            "NanoSecond", "NanoSecond",
            "MicroSecond", "MicroSecond",
            "MilliSecond", "MilliSecond",
            "Second", "Second",
            "Minute", "Minute",
            "Hour", "Hour",
            "Day", "Day",
            "Byte", "Byte",
            "KiloByte", "KiloByte",
            "MegaByte", "MegaByte",
            "GigaByte", "GigaByte",
            "PerSecond", "PerSecond",
            "PerMinute", "PerMinute",
            "BytePerSecond", "BytePerSecond",
            "Unspecified", "Unspecified");

    private MetricUnits() {
    }

    /** Every accepted spelling and its Dynatrace unit, in the documented order. */
    public static Map<String, String> table() {
        return TABLE;
    }

    /** The accepted spellings, in the documented order. */
    public static List<String> accepted() {
        return List.copyOf(TABLE.keySet());
    }

    /** Dynatrace's unit for an accepted spelling ({@code currency} gives {@code Unspecified}). */
    public static Optional<String> dynatraceUnit(String spelling) {
        return Optional.ofNullable(spelling == null ? null : TABLE.get(spelling));
    }

    /** Empty when {@code unit} is accepted; otherwise why, listing the accepted spellings. */
    public static Optional<Rejection> check(String unit) {
        return Rejection.unlessKnown("unit", unit, TABLE.keySet());
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (table.put(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalStateException("unit " + pairs[i] + " listed twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
