package com.company.onboarding.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Bounds of configuration values, checked while SmallRye Config converts them, so a value out of
 * bounds stops start-up with one line naming the key and the bound (see {@code StartupIT}).
 *
 * <p>Why converters and not Bean Validation annotations on the mappings: one constraint on a
 * {@code @ConfigMapping} makes Quarkus bootstrap Hibernate Validator while it builds the
 * configuration, which cost 1.4 s of a 5 s start-up and about 20 MiB of RSS on the benchmark machine
 * (docs/benchmarks.md, "Start-up and memory").
 */
public final class Bounds {

    private Bounds() {
    }

    private static Duration duration(String value, Duration least, String bound) {
        Duration duration = new DurationConverter().convert(value.strip());
        if (duration == null || duration.compareTo(least) < 0) {
            throw new IllegalArgumentException("must be " + bound + " or longer");
        }
        return duration;
    }

    private static int number(String value, int least, int most) {
        String range = most == Integer.MAX_VALUE ? least + " or more" : "from " + least + " to " + most;
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range, like a number out of it
        }
        throw new IllegalArgumentException("must be a whole number " + range);
    }

    /** A duration of zero or more ({@code 0s} switches the behaviour off or trusts nothing). */
    public static class ZeroOrLonger implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value, Duration.ZERO, "0s");
        }
    }

    /** A timeout on a remote: shorter than 100 ms is a typo, not a setting. */
    public static class TenthOfASecondOrLonger implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value, Duration.ofMillis(100), "100ms");
        }
    }

    public static class OneSecondOrLonger implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value, Duration.ofSeconds(1), "1s");
        }
    }

    /** A count of something there must be at least one of. */
    public static class Positive implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return number(value, 1, Integer.MAX_VALUE);
        }
    }

    /** Retries of one onboarding after a lost race: more than 20 means something rewrites the branch. */
    public static class Attempts implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            return number(value, 1, 20);
        }
    }

    /** A name or path that must say something: an empty value is refused as missing already. */
    public static class NotBlank implements Converter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("must not be blank");
            }
            return value;
        }
    }

    /** A repository on the PR host, {@code owner/name}. */
    public static class OwnerAndName implements Converter<String> {
        // GitLab projects may sit in subgroups (group/sub/project); GitHub's owner/name is checked by the provider.
        private static final Pattern OWNER_AND_NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");

        @Override
        public String convert(String value) {
            if (!OWNER_AND_NAME.matcher(value.strip()).matches() || value.contains("..")) {
                throw new IllegalArgumentException("must be owner/name (GitLab: group/project, subgroups allowed)");
            }
            return value.strip();
        }
    }
}
