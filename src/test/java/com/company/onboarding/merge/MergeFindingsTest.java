package com.company.onboarding.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.company.onboarding.catalogdata.CatalogProblem;
import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.catalogdata.RefKind;
import com.company.onboarding.finding.Finding;
import com.company.onboarding.profile.MonitoringProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the merge reports besides metrics and variables, and when it has nothing to merge. */
class MergeFindingsTest {

    private static final MonitoringProfile DOMAIN_API = MergeFixtures.embeddedProfiles().get("domain-api");

    @Test
    void aListedCatalogProfileMissingAtTheRefIsAnErrorAtItsListItem() {
        var entry = MergeFixtures.entry(MergeFixtures.resource("merge/payment-processor.yaml")
                .replace("- payment-fraud-metrics", "- payment-frauds"));
        MergeResult result = MergeFixtures.merge(entry, DOMAIN_API, CatalogFiles.embedded("v1.2.0"));

        Finding missing = MetricMergeTest.only(result, "catalog.profile.not-found");
        assertTrue(missing.isError());
        assertEquals("/monitoring/customMetrics/profiles/1", missing.pointer());
        assertTrue(missing.message().contains("payment-frauds") && missing.message().contains("v1.2.0"), missing.message());
        assertTrue(result.hasErrors());
    }

    @Test
    void aBranchRefIsWarnedAsNotPinnedAndAStaleOneAsStale() {
        CatalogSnapshot main = CatalogFiles.snapshot("main", RefKind.BRANCH, CatalogFiles.EMBEDDED_COMMITS.get("v1.3.0"),
                CatalogFiles.embeddedFiles("v1.3.0")).asStale();
        MergeResult result = MergeFixtures.merge(MergeFixtures.paymentProcessor(), DOMAIN_API, main);

        Finding pinned = MetricMergeTest.only(result, "catalog.pinned-to-branch");
        assertFalse(pinned.isError());
        assertEquals("/monitoring/customMetrics/repository/ref", pinned.pointer());
        assertEquals("/monitoring/customMetrics/repository/ref", MetricMergeTest.only(result, "catalog.stale").pointer());
        assertTrue(result.targets().get(0).findings().contains(pinned), "every target carries catalog-wide findings");
        assertEquals("main", result.targets().get(0).configMap().metadata().annotations()
                .get(ConfigMap.CATALOG_REF_ANNOTATION));
    }

    @Test
    void anUnreadableCatalogFileTheMergeNeedsIsAnErrorNamingTheFile() {
        CatalogSnapshot good = CatalogFiles.embedded("v1.2.0");
        CatalogSnapshot broken = new CatalogSnapshot(good.ref(), good.kind(), good.commit(), good.files(),
                List.of(new CatalogProblem("services/payment-processor/broken.yaml", "/customMetrics/0",
                                "must be a mapping"),
                        new CatalogProblem("services/account-service/broken.yaml", "", "not JSON")),
                good.profiles(), good.services(), false);
        MergeResult result = MergeFixtures.merge(MergeFixtures.paymentProcessor(), DOMAIN_API, broken);

        Finding invalid = MetricMergeTest.only(result, "catalog.file.invalid");
        assertTrue(invalid.isError(), "a config silently missing a file's metrics is never produced");
        assertEquals("services/payment-processor/broken.yaml@v1.2.0", invalid.source());
        assertEquals("/customMetrics/0", invalid.pointer());
    }

    @Test
    void catalogProfilesWithoutARepositoryCannotBeRead() {
        var entry = MergeFixtures.entry(MetricMergeTest.ENTRY_HEAD + "  customMetrics:\n    profiles: [payment-business-metrics]\n");
        Finding missing = MetricMergeTest.only(MergeFixtures.merge(entry, DOMAIN_API, null), "catalog.profile.not-found");
        assertEquals("/monitoring/customMetrics/profiles/0", missing.pointer());
        assertNull(missing.source());
    }

    @Test
    void dynatraceTurnedOffByTheEntryOrTheProfileGivesNoTargetsAndSaysWhy() {
        var off = MergeFixtures.entry(MetricMergeTest.ENTRY_HEAD + "  dynatrace: false\n");
        MergeResult byEntry = MergeFixtures.merge(off, DOMAIN_API, null);
        assertEquals(List.of(), byEntry.targets());
        assertTrue(byEntry.message().contains("monitoring.dynatrace is false"), byEntry.message());
        assertEquals("", byEntry.yaml());

        MonitoringProfile disabled = MergeFixtures.profiles("""
                monitoringProfiles:
                  quiet:
                    dynatrace: {enabled: false}
                """).get("quiet");
        MergeResult byProfile = MergeFixtures.merge(MetricMergeTest.entry(""), disabled, null);
        assertEquals(List.of(), byProfile.targets());
        assertTrue(byProfile.message().contains("monitoring profile quiet"), byProfile.message());

        var nowhere = MergeFixtures.entry(MetricMergeTest.ENTRY_HEAD.replace("enabledIn: [int]", "enabledIn: [qa]")
                + "  dynatrace: true\n");
        MergeResult none = MergeFixtures.merge(nowhere, DOMAIN_API, null);
        assertEquals(List.of(), none.targets());
        assertTrue(none.message().contains("no targets"), none.message());
    }
}
