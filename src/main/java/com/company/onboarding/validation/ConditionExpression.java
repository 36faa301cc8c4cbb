package com.company.onboarding.validation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an alert condition (docs/spec.md#alert-conditions). Parentheses leave no node: the tree's
 * shape is the grouping. {@link #column()} is the 1-based column a problem with the node is
 * reported at: its first character, or its operator for {@link Binary} and {@link Negation}.
 */
public sealed interface ConditionExpression {

    int column();

    /** {@code 95.0}, {@code 1000}: kept exactly as written. */
    record NumberLiteral(BigDecimal value, int column) implements ConditionExpression {
        public NumberLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code 200ms}, {@code 5s}, {@code 1m}, {@code 1h}, {@code 1d}: a whole number of one unit. */
    record DurationLiteral(long amount, Unit unit, int column) implements ConditionExpression {

        /** The units a duration may take, by their suffix. */
        public enum Unit {
            MILLISECONDS("ms", ChronoUnit.MILLIS),
            SECONDS("s", ChronoUnit.SECONDS),
            MINUTES("m", ChronoUnit.MINUTES),
            HOURS("h", ChronoUnit.HOURS),
            DAYS("d", ChronoUnit.DAYS);

            private final String suffix;
            private final ChronoUnit chronoUnit;

            Unit(String suffix, ChronoUnit chronoUnit) {
                this.suffix = suffix;
                this.chronoUnit = chronoUnit;
            }

            public String suffix() {
                return suffix;
            }

            static Unit ofSuffix(String suffix) {
                for (Unit unit : values()) {
                    if (unit.suffix.equals(suffix)) {
                        return unit;
                    }
                }
                return null;
            }
        }

        public DurationLiteral {
            Objects.requireNonNull(unit, "unit");
        }

        public Duration toDuration() {
            return Duration.of(amount, unit.chronoUnit);
        }
    }

    /** {@code 'FAILED'}: single quotes, no escapes, so the value never holds a quote. */
    record StringLiteral(String value, int column) implements ConditionExpression {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A signal or metric: {@code ErrorRate}, {@code payment_success_rate}, {@code builtin.cpu}. */
    record Identifier(String name, int column) implements ConditionExpression {
        public Identifier {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code Anomaly(ErrorRate)}: a function applied to one or more arguments. */
    record Call(String function, List<ConditionExpression> arguments, int column) implements ConditionExpression {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code -x}. */
    record Negation(ConditionExpression operand, int column) implements ConditionExpression {
        public Negation {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code left op right}, an arithmetic operation or the condition's comparison. */
    record Binary(Operator operator, ConditionExpression left, ConditionExpression right, int column)
            implements ConditionExpression {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** The binary operators, as written. */
    enum Operator {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDED_BY("/"),
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isComparison() {
            return ordinal() >= LESS.ordinal();
        }

        /** {@code ==} and {@code !=}: the only comparisons a string may take part in. */
        public boolean isEquality() {
            return this == EQUAL || this == NOT_EQUAL;
        }
    }

    /** Whether this node is a comparison, whose yes/no result is no operand for anything else. */
    default boolean isComparison() {
        return this instanceof Binary binary && binary.operator().isComparison();
    }
}
