package com.company.onboarding.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenerateOptionsTest {

    static GenerateOptions parse(String... args) throws GenerateOptions.UsageException {
        return GenerateOptions.parse(List.of(args));
    }

    @Test
    void defaultsReadTheCurrentDirectoryAndWriteItsGeneratedDirectory() throws Exception {
        GenerateOptions options = parse();
        assertEquals(Path.of("."), options.platformNext());
        assertEquals(Path.of("generated"), options.out().normalize());
        assertFalse(options.check());
        assertEquals(List.of(), options.services());
        assertEquals(GenerateOptions.Format.TEXT, options.format());
    }

    @Test
    void theOutputDefaultsToGeneratedInTheWorkingTreeAndAnExplicitOneIsAsGiven() throws Exception {
        assertEquals(Path.of("/work/generated"), parse("--platform-next", "/work").out());
        assertEquals(Path.of("out"), parse("--platform-next", "/work", "--out", "out").out());
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() throws Exception {
        GenerateOptions options = parse("--platform-next=/pn", "--out", "/o", "--check", "--service", "a-api",
                "--service=b-job", "--service", "a-api", "--format=JSON");
        assertEquals(Path.of("/pn"), options.platformNext());
        assertEquals(Path.of("/o"), options.out());
        assertTrue(options.check());
        assertEquals(List.of("a-api", "b-job"), options.services(), "in order, once each");
        assertEquals(GenerateOptions.Format.JSON, options.format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b", "..", ".", "-rf", "Payment", "a_b", "x\n"})
    void aServiceNameThatIsNotADnsLabelIsAUsageError(String name) {
        GenerateOptions.UsageException e = assertThrows(GenerateOptions.UsageException.class,
                () -> parse("--service", name));
        assertTrue(e.getMessage().contains("is not a service name"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "echoed on one line");
    }

    @Test
    void mistakesAreUsageErrorsNamingTheOption() {
        assertUsage("unknown option '--force'", "--force");
        assertUsage("unexpected argument 'extra'", "extra");
        assertUsage("--out needs a value", "--out");
        assertUsage("--out needs a value", "--out", "--check");
        assertUsage("--out needs a value", "--out=");
        assertUsage("--out is given twice", "--out", "a", "--out", "b");
        assertUsage("--format must be text or json, not 'xml'", "--format", "xml");
        assertUsage("--check takes no value", "--check=yes");
    }

    private static void assertUsage(String message, String... args) {
        assertEquals(message, assertThrows(GenerateOptions.UsageException.class, () -> parse(args)).getMessage());
    }
}
