package com.company.onboarding.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints a {@link GenerateReport} on stdout: one line per file that changed (or would), then the
 * warnings and errors ({@code <service>: <pointer> <code> <message>}), then one summary line; or,
 * with {@code --format json}, the report as one JSON document.
 */
final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    static void write(GenerateReport report, GenerateOptions.Format format, PrintStream out) {
        if (format == GenerateOptions.Format.JSON) {
            try {
                out.println(JSON.writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the report could not be written as JSON", e);
            }
        } else {
            text(report, out);
        }
        out.flush();
    }

    static void text(GenerateReport report, PrintStream out) {
        GenerateReport.Files files = report.files();
        files.added().forEach(path -> out.println("added " + path));
        files.changed().forEach(path -> out.println("changed " + path));
        files.removed().forEach(path -> out.println("removed " + path));
        report.findings().stream().filter(p -> p.severity().equals("warning"))
                .forEach(p -> out.println("warning: " + line(p)));
        report.findings().stream().filter(p -> !p.severity().equals("warning")).forEach(p -> out.println(line(p)));
        if (report.failure() != null) {
            out.println("generate: " + report.failure().message() + " (" + report.failure().code() + ")");
        }
        out.println(summary(report));
    }

    /** {@code <service>: <pointer> <code> <message>}, and the catalog file when the finding is inside one. */
    static String line(GenerateReport.Problem problem) {
        StringBuilder line = new StringBuilder();
        if (problem.service() != null) {
            line.append(problem.service()).append(": ");
        }
        if (problem.pointer() != null) {
            line.append(problem.pointer().isEmpty() ? "/" : problem.pointer()).append(' ');
        }
        line.append(problem.code()).append(' ').append(problem.message());
        if (problem.source() != null) {
            line.append(" (in ").append(problem.source()).append(')');
        }
        return line.toString();
    }

    static String summary(GenerateReport report) {
        GenerateReport.Files files = report.files();
        String counts = files.added().size() + " added, " + files.changed().size() + " changed, "
                + files.removed().size() + " removed, " + files.unchanged() + " unchanged";
        String scope = report.services() + " service" + (report.services() == 1 ? "" : "s") + ", "
                + report.targets() + " target" + (report.targets() == 1 ? "" : "s");
        String time = String.format(Locale.ROOT, "%.1f s", report.timings().totalMs() / 1000.0);
        String command = report.check() ? "generate --check" : "generate";
        return switch (report.status()) {
            case "failed" -> command + ": failed, exit " + report.exitCode();
            case "invalid" -> command + ": " + invalidServices(report) + " invalid (files left as they were); "
                    + scope + (report.check() ? " would be: " : ": ") + counts + " (" + time + ")";
            case "out-of-date" -> command + ": " + files.differences() + " file" + (files.differences() == 1 ? "" : "s")
                    + " out of date (" + counts + "); run generate and commit " + report.out() + " (" + time + ")";
            case "up-to-date" -> command + ": up to date, " + scope + ", " + files.unchanged() + " files (" + time + ")";
            default -> command + ": " + scope + ": " + counts + " (" + time + ")";
        };
    }

    private static String invalidServices(GenerateReport report) {
        long count = report.findings().stream().filter(p -> !p.severity().equals("warning") && p.service() != null)
                .map(GenerateReport.Problem::service).distinct().count();
        return count + " service" + (count == 1 ? "" : "s");
    }
}
