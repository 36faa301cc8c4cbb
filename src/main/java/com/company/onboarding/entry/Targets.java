package com.company.onboarding.entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands an entry into its targets, in a fixed order whatever the entry's order: environments
 * as configured, then tracks as configured, then regions as configured.
 */
public final class Targets {

    private final List<String> environments;
    private final List<String> tracks;
    private final String defaultTrack;
    private final List<String> regions;

    public Targets(List<String> environments, List<String> tracks, String defaultTrack, List<String> regions) {
        this.environments = List.copyOf(environments);
        this.tracks = List.copyOf(tracks);
        this.defaultTrack = defaultTrack;
        this.regions = List.copyOf(regions);
    }

    /** An {@code enabledIn} item read as environment and track. */
    public record Placement(String environment, String track) {
    }

    /**
     * Reads {@code int} or {@code int-stable}; the environment is the longest configured
     * environment the item starts with, so environment names may contain {@code -}.
     * Empty when the item names no known environment and track.
     */
    public Optional<Placement> placement(String item) {
        if (item == null) {
            return Optional.empty();
        }
        return environments.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .flatMap(env -> {
                    if (item.equals(env)) {
                        return java.util.stream.Stream.of(new Placement(env, defaultTrack));
                    }
                    if (item.startsWith(env + "-") && tracks.contains(item.substring(env.length() + 1))) {
                        return java.util.stream.Stream.of(new Placement(env, item.substring(env.length() + 1)));
                    }
                    return java.util.stream.Stream.empty();
                })
                .findFirst();
    }

    /** The entry's targets; unknown environments, tracks and regions are left out (validation reports them). */
    public List<Target> of(ServiceEntry entry) {
        Set<Placement> placements = new LinkedHashSet<>();
        entry.enabledIn().forEach(item -> placement(item).ifPresent(placements::add));
        List<Target> targets = new ArrayList<>();
        for (String env : environments) {
            for (String track : tracks) {
                if (!placements.contains(new Placement(env, track))) {
                    continue;
                }
                for (String region : regions) {
                    if (entry.regions().contains(region)) {
                        targets.add(Target.of(entry.name(), env, track, region));
                    }
                }
            }
        }
        return List.copyOf(targets);
    }

    public List<String> environments() {
        return environments;
    }
}
