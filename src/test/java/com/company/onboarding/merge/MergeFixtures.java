package com.company.onboarding.merge;

import com.company.onboarding.catalogdata.CatalogSnapshot;
import com.company.onboarding.entry.ServiceEntry;
import com.company.onboarding.entry.Targets;
import com.company.onboarding.parsing.DocumentException;
import com.company.onboarding.parsing.ParseLimits;
import com.company.onboarding.parsing.YamlTrees;
import com.company.onboarding.profile.MonitoringProfile;
import com.company.onboarding.profile.ProfileParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Inputs of merge tests and benchmarks: profiles, entries and targets from YAML text or the embedded samples. */
public final class MergeFixtures {

    private static final JsonMapper BINDER = JsonMapper.builder()
            .nodeFactory(YamlTrees.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The defaults of docs/spec.md#known-values: int, pre, prod; track stable; euw1, euw2. */
    public static final Targets TARGETS =
            new Targets(List.of("int", "pre", "prod"), List.of("stable"), "stable", List.of("euw1", "euw2"));

    public static final MergeInput.ProfileOrigin EMBEDDED_PROFILES = new MergeInput.ProfileOrigin("main",
            "0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5", "kustomize/catalog/monitoring-profiles.yaml");

    private MergeFixtures() {
    }

    public static String resource(String path) {
        try (InputStream in = MergeFixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Profiles from a {@code monitoringProfiles:} document. */
    public static Map<String, MonitoringProfile> profiles(String yaml) {
        try {
            return ProfileParser.parse(YamlTrees.read(yaml, ParseLimits.DEFAULT));
        } catch (DocumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The embedded platform-next's profiles (the design document's three). */
    public static Map<String, MonitoringProfile> embeddedProfiles() {
        return profiles(resource("embedded/platform-next/kustomize/catalog/monitoring-profiles.yaml"));
    }

    /** An entry from its YAML, bound as the service binds a validated entry. */
    public static ServiceEntry entry(String yaml) {
        try {
            return BINDER.treeToValue(YamlTrees.read(yaml, ParseLimits.DEFAULT), ServiceEntry.class);
        } catch (DocumentException | JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The design document's payment-processor entry (section 3.1). */
    public static ServiceEntry paymentProcessor() {
        return entry(resource("merge/payment-processor.yaml"));
    }

    public static MergeResult merge(ServiceEntry entry, MonitoringProfile profile, CatalogSnapshot catalog) {
        return new MergeEngine().merge(new MergeInput(entry, profile, EMBEDDED_PROFILES, catalog, TARGETS));
    }

    /** The merged target of an environment and region (track stable). */
    public static MergedTarget target(MergeResult result, String environment, String region) {
        return result.targets().stream()
                .filter(t -> t.target().environment().equals(environment) && t.target().region().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no target " + environment + "/" + region));
    }

    /** payment-processor against the embedded profile and catalog at a tag. */
    public static MergeInput paymentProcessorAt(String tag) {
        CatalogSnapshot catalog = CatalogFiles.embedded(tag);
        return new MergeInput(paymentProcessor(), embeddedProfiles().get("domain-api"), EMBEDDED_PROFILES, catalog, TARGETS);
    }
}
