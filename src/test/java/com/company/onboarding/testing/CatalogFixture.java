package com.company.onboarding.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * A metrics-catalog built by a test, with names for its commits, and a way to make its remote
 * unreachable and reachable again (how depends on the transport serving it).
 *
 * <p>Content: on {@code main}, {@code initial} (no ref points at it once {@code v1} follows),
 * {@code v1} (lightweight tag {@code v1.0.0}) and {@code v2} (annotated tag {@code v2.0.0}, with
 * one unreadable file); branch {@code feature/new-metrics}; and one commit per extra tag
 * ({@code cold-*}, {@code evict-*}, {@code outage}) on branches of their own, so a test can ask
 * for a commit no other test has loaded.
 */
public final class CatalogFixture {

    public static final String BAD_FILE = "services/broken/bad.yaml";

    private final BareRepo repo;
    private final Map<String, String> commits = new LinkedHashMap<>();
    private Runnable down = () -> { };
    private Runnable up = () -> { };

    private CatalogFixture(BareRepo repo) {
        this.repo = repo;
    }

    public static CatalogFixture create(Path directory) {
        CatalogFixture fixture = new CatalogFixture(BareRepo.create(directory));
        BareRepo repo = fixture.repo;
        fixture.commits.put("initial", repo.commit("main", "initial", Map.of(
                "README.md", "# metrics-catalog\n",
                "services/payment-processor/business.yaml", configMap("business", "payment_started_total"))));
        fixture.commits.put("v1", repo.commit("main", "payment metrics", Map.of(
                "services/payment-processor/business.yaml", configMap("business", "payment_transactions_total"),
                "services/payment-processor/kustomization.yaml", "resources:\n  - business.yaml\n",
                "profiles/payment-business-metrics/metrics.yaml", configMap("profile", "payment_success_rate"))));
        repo.tag("v1.0.0", fixture.commit("v1"), false);
        fixture.commits.put("v2", repo.commit("main", "revenue metrics", Map.of(
                "profiles/payment-revenue-metrics/metrics.yaml", configMap("revenue", "revenue_total"),
                "services/account-service/account.yml", configMap("account", "account_logins_total"),
                BAD_FILE, "apiVersion: v1\nkind: ConfigMap\ndata:\n  dynatrace-custom-metrics.json: |\n"
                        + "    {\"customMetrics\": [\n      {\"name\": }\n    ]}\n")));
        repo.tag("v2.0.0", fixture.commit("v2"), true);
        fixture.commits.put("feature", repo.commit("feature/new-metrics", "feature", Map.of(
                "services/feature-service/metrics.yaml", configMap("feature", "feature_total"))));
        for (String name : new String[] {"cold-file", "cold-http", "evict-a", "evict-b", "evict-c", "evict-d", "outage",
                "moving"}) {
            fixture.commits.put(name, repo.commit("branch-" + name, name, Map.of(
                    "services/" + name + "/metrics.yaml", configMap(name, name.replace('-', '_') + "_total"))));
            repo.tag(name, fixture.commit(name), false);
        }
        return fixture;
    }

    /** A catalog file: a ConfigMap carrying one custom metric. */
    public static String configMap(String name, String metric) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  dynatrace-custom-metrics.json: |
                    {
                      "customMetrics": [{"name": "%s", "type": "counter", "unit": "count"}],
                      "alertRules": [],
                      "dashboards": []
                    }
                """.formatted(name, metric);
    }

    public BareRepo repo() {
        return repo;
    }

    /** The id of a named commit (see the class comment). */
    public String commit(String name) {
        String id = commits.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no commit named " + name);
        }
        return id;
    }

    /** Where a ref points now, tags peeled. */
    public String resolve(String ref) {
        try {
            Ref found = repo.repository().findRef(ref);
            ObjectId id = repo.repository().getRefDatabase().peel(found).getPeeledObjectId();
            return (id != null ? id : found.getObjectId()).name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits on {@code branch} (creating it) and returns the new commit. */
    public String commitOn(String branch, String file, String metric) {
        return repo.commit(branch, "change " + file, Map.of(file, configMap("changed", metric)));
    }

    void onOutage(Runnable down, Runnable up) {
        this.down = down;
        this.up = up;
    }

    /** Makes the remote unreachable. */
    public void takeDown() {
        down.run();
    }

    /** Makes it reachable again. */
    public void bringUp() {
        up.run();
    }
}
