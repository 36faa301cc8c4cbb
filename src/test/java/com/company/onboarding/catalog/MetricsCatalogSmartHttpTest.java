package com.company.onboarding.catalog;

import com.company.onboarding.testing.HttpMetricsCatalog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog contract with the catalog served over smart HTTP by a real git server. */
@QuarkusTest
@WithTestResource(HttpMetricsCatalog.class)
class MetricsCatalogSmartHttpTest extends CatalogContract {

    @Override
    String transport() {
        return "http";
    }
}
