package com.company.onboarding.generate;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The application {@link GenerateCommand} starts: runs one generation, prints its report on
 * stdout and returns the exit code; Quarkus then stops.
 */
@Singleton
@Unremovable
public class GenerateApplication implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(GenerateApplication.class);

    private final Generator generator;

    GenerateApplication(Generator generator) {
        this.generator = generator;
    }

    @Override
    public int run(String... args) throws GenerateOptions.UsageException {
        GenerateOptions options = GenerateOptions.parse(List.of(args));
        GenerateReport report;
        try {
            report = generator.run(options);
        } catch (RuntimeException e) {
            // A defect, not an input: the trace goes to the log (stderr), the report says what failed.
            LOG.error("generate failed unexpectedly", e);
            report = new GenerateReport("failed", Generator.UNREADABLE, options.check(), options.out().toString(), 0, 0,
                    new GenerateReport.Files(List.of(), List.of(), List.of(), 0), List.of(),
                    new GenerateReport.Failure("internal", "failed unexpectedly: " + e), new GenerateReport.Timings(0, 0, 0, 0, 0, 0));
        }
        ReportWriter.write(report, options.format(), System.out);
        return report.exitCode();
    }
}
