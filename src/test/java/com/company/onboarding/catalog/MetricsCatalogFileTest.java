package com.company.onboarding.catalog;

import com.company.onboarding.testing.FileMetricsCatalog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog contract with the catalog served over {@code file://}. */
@QuarkusTest
@WithTestResource(FileMetricsCatalog.class)
class MetricsCatalogFileTest extends CatalogContract {

    @Override
    String transport() {
        return "file";
    }
}
