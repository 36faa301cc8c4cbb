package com.company.onboarding.generate;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar quarkus-run.jar generate ...}: the service's jar as platform-next's CI
 * generator (docs/generate.md). The options are checked before Quarkus starts; then the
 * application starts with the {@value #PROFILE} configuration profile added, which opens no
 * HTTP port and sends the log to stderr, so stdout holds the report alone.
 */
public final class GenerateCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "generate";
    /** Added to the active configuration profiles; application.properties sets {@code %generate.*}. */
    public static final String PROFILE = "generate";

    static final int USAGE = 64;

    private GenerateCommand() {
    }

    /** {@code args}: what follows {@code generate} on the command line. */
    public static void main(String... args) {
        GenerateOptions options;
        try {
            options = GenerateOptions.parse(List.of(args));
        } catch (GenerateOptions.UsageException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.print(GenerateOptions.USAGE);
            System.exit(USAGE);
            return;
        }
        if (options.help()) {
            System.out.print(GenerateOptions.USAGE);
            System.exit(0);
            return;
        }
        System.setProperty("quarkus.profile", profiles(System.getProperty("quarkus.profile"), System.getenv("QUARKUS_PROFILE")));
        Quarkus.run(GenerateApplication.class, GenerateCommand::exit, args);
    }

    /** The profiles already asked for (prod by default), then {@value #PROFILE}, which wins where they differ. */
    static String profiles(String property, String environment) {
        String active = property != null && !property.isBlank() ? property
                : environment != null && !environment.isBlank() ? environment : "prod";
        return active + "," + PROFILE;
    }

    /** A start-up that fails is configuration (64) or the environment (3), never 1, which CI reads as "out of date". */
    private static void exit(int code, Throwable failure) {
        if (failure == null) {
            System.exit(code);
            return;
        }
        boolean configuration = false;
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            configuration |= cause instanceof ConfigurationException
                    || cause instanceof java.util.NoSuchElementException
                    || cause.getClass().getName().startsWith("io.smallrye.config.");
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                messages.add(cause.getMessage().strip());
            }
        }
        // Quarkus' own "Failed to start" says little; the causes name the key and the problem.
        System.err.println("generate: the application did not start: " + String.join(": ", messages));
        System.exit(configuration ? USAGE : Generator.UNREADABLE);
    }
}
