package com.company.onboarding.preview;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.company.onboarding.validation.Entries;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The design document's payment-processor entry (its section 3.1) previewed against the embedded
 * default, every target, as YAML (byte for byte what CI writes) and as JSON (pretty-printed in
 * the response's own key order, so a reviewer can read it): at v1.2.0 as the document pins it,
 * and at v1.3.0 with the catalog profile payment-revenue-metrics added (its section 10).
 *
 * <p>The embedded repositories are seeded with fixed dates, so commit ids in the files are stable.
 * After an intended change, regenerate with
 * {@code ./mvnw test -Dtest=PreviewGoldenTest -Dgolden.update=true}, then read the diff against
 * docs/spec.md#merge-semantics before committing.
 */
@QuarkusTest
class PreviewGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/preview");
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String entry(String version) {
        String yaml = Entries.paymentProcessorYaml();
        if (version.equals("v1.3.0")) {
            yaml = yaml.replace("ref: v1.2.0", "ref: v1.3.0")
                    .replace("      - payment-fraud-metrics      # Fraud detection metrics\n",
                            "      - payment-fraud-metrics      # Fraud detection metrics\n      - payment-revenue-metrics\n");
        }
        return yaml;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"v1.2.0, yaml", "v1.2.0, json", "v1.3.0, yaml", "v1.3.0, json"})
    void previewEqualsTheReviewedGoldenFile(String version, String format) throws Exception {
        String body = given().contentType("application/yaml").accept("application/" + format)
                .body(entry(version).getBytes(StandardCharsets.UTF_8))
                .when().post("/services/preview").then().statusCode(200).extract().asString();
        String actual = format.equals("json")
                ? PRETTY.writeValueAsString(new ObjectMapper().readTree(body)) + "\n"
                : body;
        Path golden = GOLDEN.resolve("payment-processor-" + version + "." + format);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                golden + " differs; regenerate as this test's Javadoc says, and review the diff");
    }
}
