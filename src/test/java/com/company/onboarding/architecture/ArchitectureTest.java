package com.company.onboarding.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/development.md#layout: packages by capability whose dependencies point
 * inward, with no cycle between any two, and a pure core ({@code merge}, {@code validation}) that
 * knows nothing of git, HTTP or the services that read the repositories.
 */
class ArchitectureTest {

    static final String BASE = "com.company.onboarding";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void mergeAndValidationDoNoInputOrOutput() {
        pure("merge").check(production);
        pure("validation").check(production);
    }

    @Test
    void theRuleSeesACycle() {
        // The rule above must be able to fail: two classes of this test's fixture packages form a cycle.
        JavaClasses fixture = new ClassFileImporter().importPackages(BASE + ".architecture.fixture");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () ->
                slices().matching(BASE + ".architecture.fixture.(*)..").should().beFreeOfCycles().check(fixture));
    }

    private static ArchRule pure(String pkg) {
        return noClasses().that().resideInAPackage(BASE + "." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        BASE + ".catalog..", BASE + ".platform..", BASE + ".git..", BASE + ".api..",
                        BASE + ".assessment..", BASE + ".pullrequest..", BASE + ".preview..",
                        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", "org.eclipse.jgit..",
                        "java.net.http..", "java.nio.file..")
                .because(pkg + " is pure: it takes what was read and returns data, so it is tested and"
                        + " benchmarked without git or HTTP");
    }
}
