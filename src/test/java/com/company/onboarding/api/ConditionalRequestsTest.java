package com.company.onboarding.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.testing.BareRepo;
import com.company.onboarding.testing.CatalogFixture;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.testing.MovingRepos;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Conditional GETs: each answer carries a strong ETag named from the commits and representation
 * it came from, a client sending it back gets a 304 without a body, and the tag moves when
 * platform-next or the catalog does (real commits on the test's bare repositories, read again on
 * every request).
 */
@QuarkusTest
@WithTestResource(MovingRepos.class)
class ConditionalRequestsTest {

    private static final String STRONG = "\"[0-9a-f]{32}\"";

    @InjectRepo
    BareRepo platform;
    @InjectRepo
    CatalogFixture catalog;

    @Test
    void profilesAnswer304ForTheirTagUntilPlatformNextMoves() {
        String tag = given().get("/profiles").then().statusCode(200)
                .header("ETag", matchesPattern(STRONG)).header("Cache-Control", "no-cache")
                .extract().header("ETag");
        Response notModified = given().header("If-None-Match", tag).get("/profiles");
        assertEquals(304, notModified.statusCode());
        assertEquals("", notModified.asString(), "a 304 has no body");
        assertEquals(tag, notModified.header("ETag"), "a 304 names the tag it confirms");
        assertEquals("no-cache", notModified.header("Cache-Control"));
        given().header("If-None-Match", tag).get("/profiles/web-api").then().statusCode(200)
                .header("ETag", matchesPattern(STRONG)).header("ETag", org.hamcrest.Matchers.not(tag));

        platform.commit("main", "an unrelated change is still a new commit", Map.of("README.md", "moved\n"));
        String moved = given().header("If-None-Match", tag).get("/profiles").then().statusCode(200)
                .body("profiles.name", org.hamcrest.Matchers.hasItem("web-api")).extract().header("ETag");
        assertNotEquals(tag, moved);
        given().header("If-None-Match", moved).get("/profiles").then().statusCode(304);
    }

    @Test
    void servicesAndOneServiceAreTaggedByTheirPlatformNextCommit() {
        String list = given().get("/services").then().statusCode(200).header("ETag", matchesPattern(STRONG))
                .extract().header("ETag");
        String one = given().get("/services/alpha-api").then().statusCode(200).header("ETag", matchesPattern(STRONG))
                .extract().header("ETag");
        assertNotEquals(list, one);
        given().header("If-None-Match", list).get("/services").then().statusCode(304).body(emptyString());
        given().header("If-None-Match", one).get("/services/alpha-api").then().statusCode(304);
        given().header("If-None-Match", one).get("/services/beta-job").then().statusCode(200);

        platform.commit("main", "move", Map.of("docs/x.md", "x\n"));
        given().header("If-None-Match", list).get("/services").then().statusCode(200);
        given().header("If-None-Match", one).get("/services/alpha-api").then().statusCode(200);
    }

    @Test
    void listsStarsAndAProxysWeakTagsMatchWeakly() {
        String tag = given().get("/profiles/quiet-job").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", "\"other\", " + tag).get("/profiles/quiet-job").then().statusCode(304);
        given().header("If-None-Match", ", \"other\",," + tag + " ,").get("/profiles/quiet-job").then().statusCode(304);
        given().header("If-None-Match", "W/" + tag).get("/profiles/quiet-job").then().statusCode(304)
                .header("ETag", tag);
        given().header("If-None-Match", "*").get("/profiles/quiet-job").then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "\"other\"").get("/profiles/quiet-job").then().statusCode(200);
        given().header("If-None-Match", tag.replace("\"", "")).get("/profiles/quiet-job").then()
                .statusCode(200).header("ETag", tag); // unquoted: not an entity tag, so no condition
        // "*" matches a current representation only: there is none for an unknown name.
        given().header("If-None-Match", "*").get("/profiles/nope").then().statusCode(404);
    }

    @Test
    void aPreviewsTagDependsOnItsRepresentationAndFollowsTheCatalogBranchItReads() {
        String json = given().accept("application/json").get("/services/gamma-api/preview").then().statusCode(200)
                .header("ETag", matchesPattern(STRONG)).header("Vary", "Accept").header("Cache-Control", "no-cache")
                .extract().header("ETag");
        String yaml = given().accept("application/yaml").get("/services/gamma-api/preview").then().statusCode(200)
                .extract().header("ETag");
        String prod = given().accept("application/json").queryParam("environment", "prod")
                .get("/services/gamma-api/preview").then().statusCode(200).extract().header("ETag");
        assertNotEquals(json, yaml, "another Accept, another representation");
        assertNotEquals(json, prod, "another filter, another representation");
        double assessed = cacheGets("assessments");
        assertTrue(assessed >= 3, "each 200 above assessed the entry: " + assessed);
        given().accept("application/json").header("If-None-Match", json).get("/services/gamma-api/preview").then()
                .statusCode(304).header("Vary", "Accept").body(emptyString());
        assertEquals(assessed, cacheGets("assessments"), "a 304 neither assesses nor merges: not even a cache lookup");
        given().accept("application/yaml").header("If-None-Match", json).get("/services/gamma-api/preview").then()
                .statusCode(200).header("ETag", yaml);

        // The catalog's main moves, platform-next does not: the preview reads new metrics, under a new tag.
        catalog.commitOn("main", "services/gamma-api/metrics.yaml", "gamma_requests_total");
        Response moved = given().accept("application/json").header("If-None-Match", json).get("/services/gamma-api/preview");
        assertEquals(200, moved.statusCode());
        assertTrue(moved.asString().contains("gamma_requests_total"), "the preview reads the catalog's new commit");
        assertNotEquals(json, moved.header("ETag"));
        given().accept("application/json").header("If-None-Match", moved.header("ETag")).get("/services/gamma-api/preview")
                .then().statusCode(304);
    }

    @Test
    void aCatalogCommitIsImmutableAndAnsweredWithoutReadingTheCatalogWhileABranchRevalidates() {
        String commit = catalog.commit("v1");
        String byCommit = given().get("/metrics-catalog/refs/" + commit).then().statusCode(200)
                .header("Cache-Control", "max-age=31536000, immutable").header("ETag", matchesPattern(STRONG))
                .extract().header("ETag");
        given().get("/metrics-catalog/refs/" + commit.toUpperCase(Locale.ROOT)).then().statusCode(200)
                .body("commit", equalTo(commit)).header("ETag", byCommit);
        String byTag = given().get("/metrics-catalog/refs/v1.0.0").then().statusCode(200)
                .body("commit", equalTo(commit)).header("Cache-Control", "no-cache").extract().header("ETag");
        assertNotEquals(byCommit, byTag, "the answers name the ref as asked, so they differ");

        catalog.takeDown();
        try {
            given().header("If-None-Match", byCommit).get("/metrics-catalog/refs/" + commit).then().statusCode(304)
                    .header("ETag", byCommit);
        } finally {
            catalog.bringUp();
        }

        String main = given().get("/metrics-catalog/refs/main").then().statusCode(200).header("Cache-Control", "no-cache")
                .extract().header("ETag");
        given().header("If-None-Match", main).get("/metrics-catalog/refs/main").then().statusCode(304);
        catalog.commitOn("main", "services/delta/metrics.yaml", "delta_total");
        given().header("If-None-Match", main).get("/metrics-catalog/refs/main").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(main)).body("services", org.hamcrest.Matchers.hasItem("delta"));
    }

    /** Lookups in one of the service's caches so far, hits and misses. */
    private static double cacheGets(String cache) {
        Matcher m = Pattern.compile("^cache_gets_total\\{[^}]*cache=\"" + cache + "\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE)
                .matcher(given().get("/q/metrics").asString());
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    @Test
    void errorsCarryNoTag() {
        given().get("/profiles/nope").then().statusCode(404).header("ETag", nullValue());
        given().get("/services/gamma-api/preview?environment=nowhere").then().statusCode(400).header("ETag", nullValue());
        given().get("/metrics-catalog/refs/v9.9.9").then().statusCode(404).header("ETag", nullValue());
    }
}
