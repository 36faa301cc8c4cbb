package com.company.onboarding.remotes;

import com.company.onboarding.config.MetricsCatalogConfig;
import com.company.onboarding.config.OnboardingConfig;
import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.config.PullRequestConfig;
import com.company.onboarding.embedded.EmbeddedRepositories;
import com.company.onboarding.git.GitRemote;
import com.company.onboarding.git.GitUrl;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The two remotes this service talks to, from configuration, or the embedded repositories
 * (created at start) where configuration names none. Everything else reaches git through
 * these, so a request can never make the service contact another repository.
 */
@Startup
@ApplicationScoped
public class Remotes {

    private static final Logger LOG = Logger.getLogger(Remotes.class);

    private final Path data;
    private final GitRemote platformNextRemote;
    private final GitRemote catalogRemote;
    private final boolean embeddedPlatformNext;

    Remotes(PlatformNextConfig platformNext, MetricsCatalogConfig catalog, PullRequestConfig pullRequest,
            OnboardingConfig onboarding) {
        data = onboarding.dataDir().toAbsolutePath().normalize();
        embeddedPlatformNext = platformNext.url().isEmpty();
        GitUrl platformUrl = platformNext.url().orElseGet(() ->
                fileUrl(EmbeddedRepositories.ensure("platform-next", data.resolve("repos/platform-next.git"))));
        boolean embeddedCatalog = catalog.fetchUrl().isEmpty() && catalog.url().value().equals(MetricsCatalogConfig.DEFAULT_URL);
        GitUrl catalogUrl = catalog.fetchUrl().orElseGet(() -> embeddedCatalog
                ? fileUrl(EmbeddedRepositories.ensure("metrics-catalog", data.resolve("repos/metrics-catalog.git")))
                : catalog.url());
        platformNextRemote = new GitRemote("platform-next", platformUrl, platformNext.gitUsername(),
                platformNext.gitPassword().or(pullRequest::token), onboarding.gitTimeout());
        catalogRemote = new GitRemote("metrics-catalog", catalogUrl, catalog.gitUsername(),
                catalog.gitPassword(), onboarding.gitTimeout());
        LOG.infof("platform-next: %s, branch %s%s", platformUrl.redacted(), platformNext.branch(),
                embeddedPlatformNext ? " (embedded sample repository)" : "");
        LOG.infof("metrics-catalog: %s known as %s%s", catalogUrl.redacted(), catalog.url().redacted(),
                embeddedCatalog ? " (embedded sample repository)" : "");
        LOG.infof("data directory: %s", data);
        if (embeddedCatalog && !embeddedPlatformNext) {
            LOG.warnf("metrics-catalog: platform-next is configured but the catalog is the embedded sample;"
                    + " set metrics-catalog.url (and metrics-catalog.fetch-url if it is fetched elsewhere)");
        }
    }

    public GitRemote platformNext() {
        return platformNextRemote;
    }

    public GitRemote metricsCatalog() {
        return catalogRemote;
    }

    public boolean embeddedPlatformNext() {
        return embeddedPlatformNext;
    }

    /** Where a capability keeps its local git cache for {@code name}. */
    public Path cacheDirectory(String name) {
        return data.resolve("cache").resolve(name);
    }

    private static GitUrl fileUrl(Path directory) {
        return new GitUrl(directory.toAbsolutePath().toUri().toString());
    }
}
