package com.company.onboarding.validation;

import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.entry.Targets;
import java.util.List;
import java.util.Map;

/** The configured values an entry is checked against (docs/spec.md#known-values), in one immutable record. */
public record KnownValues(List<String> environments, List<String> tracks, String defaultTrack, List<String> regions,
        List<String> sizes, Map<String, String> archetypeProfiles, List<String> alertSeverities, List<String> alertTargets,
        ConditionVocabulary vocabulary) {

    public KnownValues {
        environments = List.copyOf(environments);
        tracks = List.copyOf(tracks);
        regions = List.copyOf(regions);
        sizes = List.copyOf(sizes);
        archetypeProfiles = Map.copyOf(archetypeProfiles);
        alertSeverities = List.copyOf(alertSeverities);
        alertTargets = List.copyOf(alertTargets);
    }

    public static KnownValues of(OnboardingConfig config) {
        return new KnownValues(config.environments(), config.tracks(), config.defaultTrack(), config.regions(),
                config.sizes(), config.archetypes(), config.alertSeverities(), config.alertTargets(),
                new ConditionVocabulary(config.builtinSignals(), config.builtinFunctions()));
    }

    public Targets targets() {
        return new Targets(environments, tracks, defaultTrack, regions);
    }
}
