package com.company.onboarding.validation;

import java.util.List;
import java.util.Optional;

/**
 * The aggregations a custom metric may declare: the design document uses {@code sum},
 * {@code avg} and {@code p95}; the rest are Dynatrace's other standard aggregations and the
 * usual percentiles. Lowercase, matched exactly.
 */
public final class MetricAggregations {

    /** In the documented order. */
    public static final List<String> ACCEPTED =
            List.of("sum", "count", "avg", "min", "max", "p50", "p90", "p95", "p99", "value");

    private MetricAggregations() {
    }

    /** Empty when {@code aggregation} is accepted; otherwise why, listing the accepted ones. */
    public static Optional<Rejection> check(String aggregation) {
        return Rejection.unlessKnown("aggregation", aggregation, ACCEPTED);
    }
}
