package com.company.onboarding.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A custom metric's {@code type}. Written lowercase in entries and catalog files; a metric's type
 * cannot change once Dynatrace knows it (hence {@code metric.conflict}).
 */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM;

    /** The spellings accepted in entries and catalog files: {@code counter}, {@code gauge}, {@code histogram}. */
    public static final List<String> ACCEPTED = Arrays.stream(values()).map(MetricType::spelling).toList();

    /** How entries and catalog files write this type. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type written as {@code spelling}, exactly. */
    public static Optional<MetricType> of(String spelling) {
        return Arrays.stream(values()).filter(type -> type.spelling().equals(spelling)).findFirst();
    }

    /** Empty when {@code spelling} is a type; otherwise why, listing the types. */
    public static Optional<Rejection> check(String spelling) {
        return Rejection.unlessKnown("metric type", spelling, ACCEPTED);
    }
}
