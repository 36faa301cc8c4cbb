package com.company.onboarding.bench;

import com.company.onboarding.testing.BareRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A metrics-catalog the size the benchmark asks for: {@value #SERVICES} services with
 * {@value #FILES_PER_SERVICE} files each and {@value #PROFILES} catalog profiles, then
 * {@value #COMMITS} commits that each change {@value #CHANGED_PER_COMMIT} files, every commit
 * tagged ({@code v1.0.0} ... {@code v1.0.59}). Files look like the design document's: a
 * ConfigMap whose JSON holds metrics, alert rules and a dashboard. Deterministic (fixed seed).
 */
public final class CatalogGenerator {

    public static final int SERVICES = 300;
    public static final int FILES_PER_SERVICE = 3;
    public static final int PROFILES = 20;
    public static final int COMMITS = 60;
    public static final int CHANGED_PER_COMMIT = 15;
    private static final String[] KINDS = {"business", "fraud", "latency"};

    private CatalogGenerator() {
    }

    /** Builds the catalog as a bare repository at {@code directory}; returns its tags, oldest first. */
    public static List<String> generate(Path directory) {
        Random random = new Random(42);
        List<String> tags = new ArrayList<>();
        try (BareRepo repo = BareRepo.create(directory)) {
            Map<String, String> files = new LinkedHashMap<>();
            for (int s = 0; s < SERVICES; s++) {
                for (int f = 0; f < FILES_PER_SERVICE; f++) {
                    files.put(servicePath(s, f), file(service(s), KINDS[f], 0, random));
                }
            }
            for (int p = 0; p < PROFILES; p++) {
                files.put("profiles/profile-" + p + "/metrics.yaml", file("profile-" + p, "profile", 0, random));
                files.put("profiles/profile-" + p + "/kustomization.yaml", "resources:\n  - metrics.yaml\n");
            }
            String commit = repo.commit("main", "initial catalog", files);
            repo.tag("v1.0.0", commit, true);
            tags.add("v1.0.0");
            for (int c = 1; c < COMMITS; c++) {
                Map<String, String> changes = new LinkedHashMap<>();
                for (int i = 0; i < CHANGED_PER_COMMIT; i++) {
                    int s = random.nextInt(SERVICES);
                    int f = random.nextInt(FILES_PER_SERVICE);
                    changes.put(servicePath(s, f), file(service(s), KINDS[f], c, random));
                }
                commit = repo.commit("main", "update " + CHANGED_PER_COMMIT + " files", changes);
                String tag = "v1.0." + c;
                repo.tag(tag, commit, true);
                tags.add(tag);
            }
            // Packed, like any hosted repository, so the server side does not pack loose objects per request.
            Git.wrap(repo.repository()).gc().setAggressive(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot pack the generated catalog", e);
        }
        return tags;
    }

    public static List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (int c = 0; c < COMMITS; c++) {
            tags.add("v1.0." + c);
        }
        return tags;
    }

    private static String service(int s) {
        return String.format(Locale.ROOT, "service-%03d", s);
    }

    private static String servicePath(int s, int f) {
        return "services/" + service(s) + "/" + KINDS[f] + "-metrics.yaml";
    }

    private static String file(String owner, String kind, int revision, Random random) {
        String prefix = owner.replace('-', '_') + "_" + kind;
        StringBuilder json = new StringBuilder("{\n  \"customMetrics\": [\n");
        for (int m = 0; m < 5; m++) {
            json.append(String.format(Locale.ROOT, """
                        {"name": "%s_metric_%d", "type": "%s", "description": "Metric %d of %s, revision %d",
                         "unit": "count", "aggregation": "sum", "dimensions": ["environment", "region", "status"],
                         "source": "application"}%s
                    """, prefix, m, m % 2 == 0 ? "counter" : "gauge", m, owner, revision, m < 4 ? "," : ""));
        }
        json.append("  ],\n  \"alertRules\": [\n");
        for (int r = 0; r < 3; r++) {
            json.append(String.format(Locale.ROOT, """
                        {"name": "%sRule%d", "enabled": true, "condition": "%s_metric_%d > %d",
                         "targets": ["SERVICE"], "severity": "warning",
                         "notificationChannels": {"teams": ["#team-%s"], "email": ["%s@company.com"]},
                         "description": "Rule %d of %s"}%s
                    """, prefix, r, prefix, r, 100 + random.nextInt(900), owner, owner, r, owner, r < 2 ? "," : ""));
        }
        json.append(String.format(Locale.ROOT, """
                  ],
                  "dashboards": [
                    {"name": "%s-dashboard", "panels": [
                      {"title": "Metric 0", "metric": "%s_metric_0", "type": "line"},
                      {"title": "Metric 1", "metric": "%s_metric_1", "type": "gauge"}]}
                  ]
                }
                """, prefix, prefix, prefix));
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s-%s-metrics
                  labels:
                    metrics.service: %s
                data:
                  dynatrace-custom-metrics.json: |
                %s""".formatted(owner, kind, owner, json.toString().indent(4));
    }
}
