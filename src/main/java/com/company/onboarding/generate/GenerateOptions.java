package com.company.onboarding.generate;

import com.company.onboarding.entry.Names;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code generate} (docs/generate.md). Parsed before the application starts,
 * so a mistake costs no start-up and touches nothing.
 *
 * @param platformNext the platform-next working tree to read
 * @param out          where the generated files go; by default {@code generated} in the working tree
 * @param check        write nothing, report what would change
 * @param services     only these entries (empty: every entry)
 * @param format       how the report is printed
 * @param help         print the usage and stop
 */
public record GenerateOptions(Path platformNext, Path out, boolean check, List<String> services, Format format,
        boolean help) {

    /** The report on stdout: lines for people and CI logs, or one JSON document for scripts. */
    public enum Format { TEXT, JSON }

    public static final String USAGE = """
            usage: generate [--platform-next DIR] [--out DIR] [--check] [--service NAME]... [--format text|json]
              --platform-next DIR  platform-next working tree to read (default: the current directory)
              --out DIR            where the files go (default: DIR/generated, DIR the working tree)
              --check              write nothing; list the files that would be added, changed or removed
              --service NAME       only this entry (repeatable); the others' files are left alone
              --format text|json   the report on stdout (default: text)
            exit codes: 0 done or up to date, 1 --check found differences, 2 an entry or a platform-next
            file is invalid, 3 a remote, the working tree or the output cannot be read or written, 64 usage
            """;

    public GenerateOptions {
        services = List.copyOf(services);
    }

    /** A command line that cannot be run as written: exit 64 with the usage. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    public static GenerateOptions parse(List<String> args) throws UsageException {
        String platformNext = null;
        String out = null;
        String format = null;
        boolean check = false;
        boolean help = false;
        Set<String> services = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--check" -> {
                    noValue(name, value);
                    check = true;
                }
                case "--help", "-h" -> {
                    noValue(name, value);
                    help = true;
                }
                case "--platform-next", "--out", "--service", "--format" -> {
                    if (value == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    if (value.isBlank()) {
                        throw new UsageException(name + " needs a value");
                    }
                    switch (name) {
                        case "--platform-next" -> platformNext = once(name, platformNext, value);
                        case "--out" -> out = once(name, out, value);
                        case "--format" -> format = once(name, format, value);
                        default -> services.add(serviceName(value));
                    }
                }
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option " + printable(arg)
                        : "unexpected argument " + printable(arg));
            }
        }
        Path root = path("--platform-next", platformNext == null ? "." : platformNext);
        Path target = out == null ? root.resolve("generated") : path("--out", out);
        return new GenerateOptions(root, target, check, new ArrayList<>(services), format(format), help);
    }

    private static void noValue(String name, String value) throws UsageException {
        if (value != null) {
            throw new UsageException(name + " takes no value");
        }
    }

    private static String once(String name, String previous, String value) throws UsageException {
        if (previous != null) {
            throw new UsageException(name + " is given twice");
        }
        return value;
    }

    /** A service name becomes a directory: only DNS-1123 labels, so no {@code /}, {@code ..} or option-like name. */
    private static String serviceName(String value) throws UsageException {
        if (!Names.isDns1123Label(value)) {
            throw new UsageException("--service " + printable(value)
                    + " is not a service name (lowercase letters, digits and '-', at most 63)");
        }
        return value;
    }

    private static Format format(String value) throws UsageException {
        if (value == null) {
            return Format.TEXT;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            default -> throw new UsageException("--format must be text or json, not " + printable(value));
        };
    }

    private static Path path(String name, String value) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(name + " " + printable(value) + " is not a path: " + e.getReason());
        }
    }

    /** Echoes user input on one line, bounded, without control characters. */
    static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
