package com.company.onboarding.pullrequest;

import com.company.onboarding.servicesyaml.EntryOrder;
import com.company.onboarding.servicesyaml.EntryReplacer;
import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.config.PullRequestConfig;
import com.company.onboarding.entry.Names;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.git.RefPush;
import com.company.onboarding.remotes.Remotes;
import com.company.onboarding.servicesyaml.EditNotVerifiedException;
import com.company.onboarding.servicesyaml.ServicesEntries;
import com.company.onboarding.servicesyaml.UnsafeEditException;
import com.company.onboarding.pullrequest.OnboardingRepository.Heads;
import com.company.onboarding.pullrequest.PullRequestProvider.Opened;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestDraft;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestLink;
import com.company.onboarding.pullrequest.UpdateResult.Status;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.jboss.logging.Logger;

/**
 * {@code PUT /services/{name}} after validation: replaces the service's entry in services.yaml
 * on a branch {@code <update-prefix><service>} by the smallest text edit ({@link EntryReplacer})
 * and opens the pull request, with onboarding's rules (docs/opening-pull-requests.md).
 *
 * <p>The branch name is deterministic, so the branch is the lock. Each attempt reads the remote
 * (base branch and update branch), then decides: a service missing on the base branch is a 404;
 * an entry equal to the base's is {@code unchanged} (no branch); a branch carrying this very
 * entry is the answer ({@code existing}, and its missing pull request is opened, which finishes
 * a request that failed between push and pull request); a branch with another entry is a 409
 * {@code pull-request.conflict}; no branch: edit, commit on the base, push with a lease that the
 * branch must not exist. A lost race or a base that moved makes the next attempt re-read, a
 * bounded number of times; requests for one service take turns within a replica, and git's
 * lease decides across replicas. Before the push nothing is reachable from a ref; after it only
 * the pull request may be missing.
 */
@Singleton
public class UpdateService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UpdateService.class);
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final OnboardingRepository repository;
    private final PullRequestProvider provider;
    private final OnboardingSettings settings;
    private final Clock clock;
    private final EntryReplacer replacer = new EntryReplacer();
    private final ServiceLocks locks = new ServiceLocks();
    private volatile Runnable beforePush = () -> { };

    @Inject
    UpdateService(Remotes remotes, PlatformNextConfig platformNext, PullRequestConfig config, MeterRegistry meters,
            PullRequestProvider provider) {
        this(Mirror.open(remotes.platformNext(), remotes.cacheDirectory("platform-next-updates.git"), meters),
                platformNext.branch(), platformNext.servicesPath(), provider, settings(config), Clock.systemUTC());
    }

    /**
     * For tests and benchmarks: the flow on {@code mirror} (a bare working mirror of platform-next,
     * which this service closes); {@code settings.branchPrefix()} is the update prefix.
     */
    public UpdateService(Mirror mirror, String baseBranch, String servicesPath, PullRequestProvider provider,
            OnboardingSettings settings, Clock clock) {
        this.repository = new OnboardingRepository(mirror, baseBranch, servicesPath);
        this.provider = provider;
        this.settings = settings;
        this.clock = clock;
    }

    /** Onboarding's settings with the update branches' prefix. */
    public static OnboardingSettings settings(PullRequestConfig config) {
        return new OnboardingSettings(config.updateBranchPrefix(), config.authorName(), config.authorEmail(),
                config.maxAttempts(), config.lockTimeout());
    }

    /**
     * @throws NotFound    {@code service.not-found} when the base branch has no such service
     * @throws Conflict    {@code pull-request.conflict} (extensions {@code branch}, {@code pullRequest}),
     *                     {@code services.edit.unsafe}
     * @throws Unavailable platform-next or the PR host unreachable, rate-limited, or busy past the bounds
     */
    public UpdateResult update(UpdateRequest request) {
        String service = request.service();
        Optional<ServiceLocks.Held> held;
        try {
            held = locks.acquire(service, settings.lockTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(service);
        }
        try (ServiceLocks.Held lock = held.orElseThrow(() -> busy(service))) {
            return decide(request, settings.branch(service));
        }
    }

    /** Runs between writing the commit and checking the remote before the push: tests move the base there. */
    void beforePush(Runnable hook) {
        this.beforePush = hook;
    }

    /** Locks held or awaited right now (tests: none once requests are done). */
    int lockedServices() {
        return locks.size();
    }

    private UpdateResult decide(UpdateRequest request, String branch) {
        String service = request.service();
        RefPush.Outcome rejection = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(attempt, service);
            }
            Heads heads = repository.read(branch);
            byte[] services = repository.baseServicesFile(heads.base());
            EntryReplacer.Prepared prepared = prepare(services, service);
            if (EntryReplacer.sameEntry(prepared.current(), request.entry())) {
                return UpdateResult.UNCHANGED;
            }
            if (heads.branch().isPresent()) {
                return onExistingBranch(request, branch, heads.branch().get());
            }
            byte[] edited = edit(prepared, request);
            ObjectId commit = repository.writeCommit(heads.base(), edited, author(),
                    UpdateText.commitMessage(request, repository.servicesPath()));
            beforePush.run();
            Heads now = repository.heads(branch);
            if (!now.base().equals(heads.base()) || now.branch().isPresent()) {
                LOG.infof("update of %s: platform-next changed while the commit was written (attempt %d); re-reading",
                        service, attempt);
                rejection = null;
                continue;
            }
            RefPush.Outcome outcome = repository.pushNewBranch(branch, commit);
            if (outcome.pushed()) {
                LOG.infof("update of %s: pushed branch %s at %s", service, branch, commit.name());
                Opened opened = provider.open(draft(request, branch));
                return result(opened.link(), branch, commit, Status.CREATED);
            }
            LOG.infof("update of %s: push of %s rejected (%s, attempt %d); re-reading", service, branch,
                    outcome.reason(), attempt);
            rejection = outcome;
        }
        if (rejection != null) {
            throw new Unavailable("platform-next.push-rejected", "platform-next rejected the push of branch " + branch
                    + " " + settings.maxAttempts() + " times; the operator must check the repository's branch rules",
                    Duration.ofSeconds(60), null);
        }
        throw new Unavailable("platform-next.busy", "platform-next's " + repository.baseBranch() + " kept moving while "
                + service + " was being updated (" + settings.maxAttempts() + " attempts); retry", BUSY_RETRY_AFTER, null);
    }

    /** The branch exists: it is ours (the same entry: finish and answer with it) or a conflict. */
    private UpdateResult onExistingBranch(UpdateRequest request, String branch, ObjectId head) {
        String service = request.service();
        boolean same = repository.servicesFile(head)
                .flatMap(ServicesEntries::parse)
                .flatMap(entries -> entries.find(service))
                .map(item -> EntryReplacer.sameEntry(item, request.entry()))
                .orElse(false);
        if (!same) {
            Map<String, Object> names = new LinkedHashMap<>();
            names.put("branch", branch);
            String where = "branch " + branch;
            Optional<PullRequestLink> open = findQuietly(branch);
            if (open.isPresent() && open.get().url() != null) {
                names.put("pullRequest", open.get().url());
                where = "pull request " + open.get().url() + " (branch " + branch + ")";
            }
            throw new Conflict("pull-request.conflict", where + " already proposes another change to service "
                    + service + "; merge or close it, or send the same entry", names);
        }
        Optional<PullRequestLink> open = provider.findOpen(branch);
        if (open.isPresent()) {
            return result(open.get(), branch, head, Status.EXISTING);
        }
        LOG.infof("update of %s: branch %s exists without a pull request; opening it", service, branch);
        Opened opened = provider.open(draft(request, branch));
        return result(opened.link(), branch, head, opened.created() ? Status.CREATED : Status.EXISTING);
    }

    /** services.yaml parsed once, the service's entry found in it (404 when the base branch lacks it). */
    private EntryReplacer.Prepared prepare(byte[] services, String service) {
        try {
            return replacer.prepare(services, service).orElseThrow(() -> new NotFound("service.not-found",
                    "no service named \"" + (Names.isDns1123Label(service) ? service : "(invalid name)") + "\" in "
                            + repository.servicesPath() + " on " + repository.baseBranch()));
        } catch (UnsafeEditException e) {
            throw unsafe(e);
        }
    }

    private Conflict unsafe(UnsafeEditException e) {
        return new Conflict("services.edit.unsafe", e.describe() + "; the platform team has to fix the file on "
                + repository.baseBranch() + " first");
    }

    private byte[] edit(EntryReplacer.Prepared prepared, UpdateRequest request) {
        try {
            EntryReplacer.Replaced replaced = prepared.replace(request.entry());
            if (replaced.rewritten()) {
                LOG.warnf("update of %s: the minimal edit of %s did not verify; the entry is written out whole",
                        request.service(), repository.servicesPath());
            }
            return replaced.bytes();
        } catch (UnsafeEditException e) {
            throw unsafe(e);
        } catch (EditNotVerifiedException e) {
            LOG.errorf("update of %s: the edit of %s did not verify, nothing pushed: %s", request.service(),
                    repository.servicesPath(), e.getMessage());
            throw e;
        }
    }

    private Optional<PullRequestLink> findQuietly(String branch) {
        try {
            return provider.findOpen(branch);
        } catch (Unavailable e) {
            LOG.warnf("cannot look up the pull request of %s for a conflict: %s", branch, e.getMessage());
            return Optional.empty();
        }
    }

    private PullRequestDraft draft(UpdateRequest request, String branch) {
        return new PullRequestDraft(branch, repository.baseBranch(), UpdateText.title(request),
                UpdateText.body(request, repository.servicesPath()), request.draft());
    }

    private UpdateResult result(PullRequestLink link, String branch, ObjectId commit, Status status) {
        return new UpdateResult(provider.name(), link.number(), link.url(), branch, commit.name(), status);
    }

    private PersonIdent author() {
        return new PersonIdent(settings.authorName(), settings.authorEmail(), clock.instant(), ZoneOffset.UTC);
    }

    /** A short random pause, longer each attempt, so racing replicas do not collide again in step. */
    private static void pause(int attempt, String service) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(service);
        }
    }

    private static Unavailable busy(String service) {
        return new Unavailable("pull-request.busy", "another request is updating " + service
                + " in this replica right now; retry shortly", BUSY_RETRY_AFTER, null);
    }

    @PreDestroy
    @Override
    public void close() {
        repository.close();
    }
}
