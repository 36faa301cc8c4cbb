package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Garbage paths cannot blind the HTTP metrics: whatever a client sends, the {@code uri} tag is a
 * resource's template or one constant, so Micrometer's limit on distinct values is never reached
 * and real requests keep being counted.
 */
@QuarkusTest
class HttpMetricsCardinalityTest {

    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\".*$");

    @Test
    void fiveHundredGarbagePathsLeaveTheUriTagsBoundedAndProfilesCounted() {
        for (int i = 0; i < 500; i++) {
            String garbage = "garbage-" + i + "-" + Integer.toHexString(i * 7919);
            switch (i % 6) {
                case 0 -> given().options("/services/" + garbage);                 // 200, no resource method
                case 1 -> given().put("/services/" + garbage);                     // 405
                case 2 -> given().get("/" + garbage);                              // 404
                case 3 -> given().delete("/profiles/" + garbage + "/x");           // 404 under a resource
                case 4 -> RawHttp.exchange("POST /" + garbage + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                        + 64 * 1024 * 1024, new byte[0]);                          // 413 before any route
                default -> given().urlEncodingEnabled(false).get("/services/" + garbage + "%2F..%2Fx/preview");
            }
        }
        double before = profilesCount();
        given().get("/profiles").then().statusCode(200);
        given().get("/profiles").then().statusCode(200);
        assertEquals(before + 2, profilesCount(), "GET /profiles is still counted");

        Set<String> uris = new TreeSet<>();
        for (String line : given().get("/q/metrics").asString().lines().toList()) {
            Matcher matcher = URI.matcher(line);
            if (matcher.matches()) {
                uris.add(matcher.group(1));
            }
        }
        assertTrue(uris.stream().noneMatch(uri -> uri.contains("garbage")), "a raw path became a uri tag: " + uris);
        assertTrue(uris.size() < 40, "far below Micrometer's limit of 100 distinct values: " + uris);
        assertTrue(uris.contains(BoundedUriTags.UNMATCHED), uris.toString());
    }

    private static double profilesCount() {
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"GET\"")
                        && line.contains("status=\"200\"") && line.contains("uri=\"/profiles\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
