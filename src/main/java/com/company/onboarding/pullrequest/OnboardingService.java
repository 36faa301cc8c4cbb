package com.company.onboarding.pullrequest;

import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.config.PullRequestConfig;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.git.RefPush;
import com.company.onboarding.pullrequest.OnboardingRepository.Heads;
import com.company.onboarding.pullrequest.OnboardingResult.Status;
import com.company.onboarding.pullrequest.PullRequestProvider.Opened;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestDraft;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestLink;
import com.company.onboarding.remotes.Remotes;
import com.company.onboarding.servicesyaml.EditNotVerifiedException;
import com.company.onboarding.servicesyaml.ServicesEntries;
import com.company.onboarding.servicesyaml.ServicesYamlEditor;
import com.company.onboarding.servicesyaml.UnsafeEditException;
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
 * {@code POST /services} after validation (docs/spec.md#opening-the-pull-request): adds the entry to services.yaml on a
 * branch {@code <prefix><service>} and opens the pull request, idempotently and safely under
 * concurrency.
 *
 * <p>The branch name is deterministic, so the branch is the lock. Each attempt reads the remote
 * (base branch and onboarding branch), then decides: the service already on the base branch is
 * a 409 {@code service.exists}; a branch carrying this very entry is the answer ({@code existing},
 * and its missing pull request is opened: a crash between push and pull request is finished
 * here); a branch with anything else is a 409 {@code pull-request.conflict}; no branch: edit,
 * commit on the base, and push with a lease that the branch must not exist. A push that loses a
 * race (another replica created the branch) or a base that moved before the push makes the next
 * attempt re-read and re-decide, a bounded number of times. Within one replica requests for one
 * service take turns, so twelve at once give one branch, one {@code created} and eleven
 * {@code existing}.
 *
 * <p>Nothing half-written: before the push only unreachable objects exist (no ref anywhere);
 * after it, the branch is complete, and only the pull request may be missing, which the next
 * request for the same entry opens.
 */
@Singleton
public class OnboardingService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class);
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    private final OnboardingRepository repository;
    private final PullRequestProvider provider;
    private final OnboardingSettings settings;
    private final Clock clock;
    private final ServicesYamlEditor editor = new ServicesYamlEditor();
    private final ServiceLocks locks = new ServiceLocks();

    @Inject
    OnboardingService(Remotes remotes, PlatformNextConfig platformNext, PullRequestConfig config, MeterRegistry meters,
            PullRequestProvider provider, Clock clock) {
        this(Mirror.open(remotes.platformNext(), remotes.cacheDirectory("platform-next-onboarding.git"), meters),
                platformNext.branch(), platformNext.servicesPath(), provider, OnboardingSettings.of(config), clock);
    }

    /**
     * For tests and benchmarks: the flow on {@code mirror} (a bare working mirror of platform-next,
     * which this service closes), its base branch and services file.
     */
    public OnboardingService(Mirror mirror, String baseBranch, String servicesPath, PullRequestProvider provider,
            OnboardingSettings settings, Clock clock) {
        this.repository = new OnboardingRepository(mirror, baseBranch, servicesPath);
        this.provider = provider;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws Conflict    {@code service.exists}, {@code pull-request.conflict} (extensions {@code branch},
     *                     {@code pullRequest}), {@code services.edit.unsafe}
     * @throws Unavailable platform-next or the PR host unreachable, rate-limited, or busy past the bounds
     */
    public OnboardingResult onboard(OnboardingRequest request) {
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

    private OnboardingResult decide(OnboardingRequest request, String branch) {
        String service = request.service();
        RefPush.Outcome rejection = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(attempt, service);
            }
            Heads heads = repository.read(branch);
            byte[] services = repository.baseServicesFile(heads.base());
            if (ServicesEntries.contains(services, service)) {
                throw new Conflict("service.exists", "service " + service + " is already in "
                        + repository.servicesPath() + " on " + repository.baseBranch());
            }
            if (heads.branch().isPresent()) {
                return onExistingBranch(request, branch, heads.branch().get());
            }
            byte[] edited = edit(services, request);
            ObjectId commit = repository.writeCommit(heads.base(), edited, author(),
                    PullRequestText.commitMessage(request, repository.servicesPath()));
            Heads now = repository.heads(branch);
            if (!now.base().equals(heads.base()) || now.branch().isPresent()) {
                LOG.infof("onboarding %s: platform-next changed while the commit was written (attempt %d); re-reading",
                        service, attempt);
                rejection = null;
                continue;
            }
            RefPush.Outcome outcome = repository.pushNewBranch(branch, commit);
            if (outcome.pushed()) {
                LOG.infof("onboarding %s: pushed branch %s at %s", service, branch, commit.name());
                Opened opened = provider.open(draft(request, branch));
                return result(opened.link(), branch, commit, Status.CREATED);
            }
            LOG.infof("onboarding %s: push of %s rejected (%s, attempt %d); re-reading", service, branch,
                    outcome.reason(), attempt);
            rejection = outcome;
        }
        if (rejection != null) {
            // The branch still did not exist after every rejection: the remote refuses it (a hook, a rule).
            throw new Unavailable("platform-next.push-rejected", "platform-next rejected the push of branch " + branch
                    + " " + settings.maxAttempts() + " times; the operator must check the repository's branch rules",
                    Duration.ofSeconds(60), null);
        }
        throw new Unavailable("platform-next.busy", "platform-next's " + repository.baseBranch() + " kept moving while "
                + service + " was being added (" + settings.maxAttempts() + " attempts); retry", BUSY_RETRY_AFTER, null);
    }

    /** The branch exists: it is ours (the same entry: finish and answer with it) or a conflict. */
    private OnboardingResult onExistingBranch(OnboardingRequest request, String branch, ObjectId head) {
        String service = request.service();
        boolean same = repository.servicesFile(head)
                .map(file -> ServicesEntries.containsEntry(file, request.entry()))
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
            throw new Conflict("pull-request.conflict", where + " already proposes a different entry for service "
                    + service + "; update or close it, or send the same entry", names);
        }
        Optional<PullRequestLink> open = provider.findOpen(branch);
        if (open.isPresent()) {
            return result(open.get(), branch, head, Status.EXISTING);
        }
        LOG.infof("onboarding %s: branch %s exists without a pull request; opening it", service, branch);
        Opened opened = provider.open(draft(request, branch));
        return result(opened.link(), branch, head, opened.created() ? Status.CREATED : Status.EXISTING);
    }

    private byte[] edit(byte[] services, OnboardingRequest request) {
        try {
            return editor.append(services, request.entry()).bytes();
        } catch (UnsafeEditException e) {
            throw new Conflict("services.edit.unsafe", e.describe() + "; the platform team has to fix the file on "
                    + repository.baseBranch() + " first");
        } catch (EditNotVerifiedException e) {
            LOG.errorf("onboarding %s: the edit of %s did not verify, nothing pushed: %s", request.service(),
                    repository.servicesPath(), e.getMessage());
            throw e;
        }
    }

    /** The conflict names the pull request when the host can say; a host that cannot does not hide the conflict. */
    private Optional<PullRequestLink> findQuietly(String branch) {
        try {
            return provider.findOpen(branch);
        } catch (Unavailable e) {
            LOG.warnf("cannot look up the pull request of %s for a conflict: %s", branch, e.getMessage());
            return Optional.empty();
        }
    }

    private PullRequestDraft draft(OnboardingRequest request, String branch) {
        return new PullRequestDraft(branch, repository.baseBranch(), PullRequestText.title(request),
                PullRequestText.body(request, repository.servicesPath()), request.draft());
    }

    private OnboardingResult result(PullRequestLink link, String branch, ObjectId commit, Status status) {
        return new OnboardingResult(provider.name(), link.number(), link.url(), branch, commit.name(), status);
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
        return new Unavailable("pull-request.busy", "another request is onboarding " + service
                + " in this replica right now; retry shortly", BUSY_RETRY_AFTER, null);
    }

    @PreDestroy
    @Override
    public void close() {
        repository.close();
    }
}
