package com.company.onboarding.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.company.onboarding.api.Problem;
import com.company.onboarding.testing.CatalogFixture;
import com.company.onboarding.testing.HttpMetricsCatalog;
import com.company.onboarding.testing.InjectRepo;
import com.company.onboarding.validation.Entries;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A catalog that cannot be fetched is a 503, never a smaller config (docs/spec.md#where-we-depart-from-the-design-document). */
@QuarkusTest
@WithTestResource(HttpMetricsCatalog.class)
class PreviewCatalogOutageTest {

    @InjectRepo
    CatalogFixture catalog;

    @Test
    void anUnreachableCatalogIsA503AndARetryLaterSucceeds() {
        // A tag no other test of this shared catalog has read, so nothing of it is cached yet.
        String commit = catalog.commitOn("preview-outage", "services/payment-processor/metrics.yaml", "payments_total");
        catalog.repo().tag("preview-outage-tag", commit, false);
        String entry = Entries.paymentProcessor(e -> {
            Entries.set(e, "/monitoring/customMetrics/repository/ref", "preview-outage-tag");
            Entries.set(e, "/monitoring/customMetrics/profiles", "[]");
            // this catalog has no payment_success_rate: keep the override's rule on a built-in signal
            Entries.set(e, "/monitoring/overrides/prod/dynatrace/alertRules/0/condition", "\"ErrorRate > 0.01\"");
        }).toString();
        catalog.takeDown();
        try {
            given().contentType("application/json").body(entry).post("/services/preview").then()
                    .statusCode(503)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("Retry-After", "10")
                    .body("code", equalTo("metrics-catalog.unavailable"));
            given().contentType("application/json").body(entry).post("/services/validate").then()
                    .statusCode(503);
        } finally {
            catalog.bringUp();
        }
        given().contentType("application/json").body(entry).post("/services/preview").then()
                .log().ifValidationFails()
                .statusCode(200)
                .body("targets[0].configMap.metadata.annotations.'monitoring.company.com/metrics-catalog-commit'",
                        equalTo(commit));
    }
}
