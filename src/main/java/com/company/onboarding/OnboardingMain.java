package com.company.onboarding;

import com.company.onboarding.generate.GenerateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The jar's entry point. With no arguments (or any other first argument) it is the service, as
 * it always was; {@code generate ...} runs platform-next's CI generator instead (docs/generate.md).
 */
@QuarkusMain
public final class OnboardingMain {

    private OnboardingMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(GenerateCommand.NAME)) {
            GenerateCommand.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            Quarkus.run(args);
        }
    }
}
