package com.company.onboarding.pullrequest;

import com.company.onboarding.servicesyaml.EntryReplacer;
import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.config.PullRequestConfig;
import com.company.onboarding.entry.Names;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.NotFound;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.remotes.Remotes;
import com.company.onboarding.servicesyaml.EditNotVerifiedException;
import com.company.onboarding.servicesyaml.ServicesEntries;
import com.company.onboarding.servicesyaml.UnsafeEditException;
import com.company.onboarding.pullrequest.PullRequestProvider.Opened;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestDraft;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestLink;
import com.company.onboarding.pullrequest.UpdateResult.Status;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

/**
 * {@code PUT /services/{name}} after validation: replaces the service's entry in services.yaml
 * on a branch {@code <update-prefix><service>} by the smallest text edit ({@link EntryReplacer})
 * and opens the pull request, with onboarding's rules (docs/opening-pull-requests.md).
 *
 * <p>The branch name is deterministic, so the branch is the lock ({@link BranchProposals} runs the
 * attempts, shared with onboarding). Each attempt reads the remote
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

    private final OnboardingRepository repository;
    private final PullRequestProvider provider;
    private final OnboardingSettings settings;
    private final BranchProposals proposals;
    private final EntryReplacer replacer = new EntryReplacer();

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
        this.proposals = new BranchProposals(repository, provider, settings, clock, BranchProposals.Wording.UPDATE);
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
        String branch = settings.branch(service);
        return proposals.propose(service, new BranchProposals.Proposal<>() {
            @Override
            public BranchProposals.Plan<UpdateResult> plan(byte[] services) {
                EntryReplacer.Prepared prepared = prepare(services, service);
                if (EntryReplacer.sameEntry(prepared.current(), request.entry())) {
                    return BranchProposals.Plan.answer(UpdateResult.UNCHANGED);
                }
                return BranchProposals.Plan.edit(() -> edit(prepared, request));
            }

            @Override
            public UpdateResult onExistingBranch(ObjectId head) {
                return existing(request, branch, head);
            }

            @Override
            public String commitMessage() {
                return UpdateText.commitMessage(request, repository.servicesPath());
            }

            @Override
            public UpdateResult pushed(ObjectId commit) {
                Opened opened = provider.open(draft(request, branch));
                return result(opened.link(), branch, commit, Status.CREATED);
            }
        });
    }

    /** Runs between writing the commit and checking the remote before the push: tests move the base there. */
    void beforePush(Runnable hook) {
        proposals.beforePush(hook);
    }

    /** Locks held or awaited right now (tests: none once requests are done). */
    int lockedServices() {
        return proposals.lockedServices();
    }

    /** The branch exists: it is ours (the same entry: finish and answer with it) or a conflict. */
    private UpdateResult existing(UpdateRequest request, String branch, ObjectId head) {
        String service = request.service();
        boolean same = repository.servicesFile(head)
                .flatMap(ServicesEntries::parse)
                .flatMap(entries -> entries.find(service))
                .map(item -> EntryReplacer.sameEntry(item, request.entry()))
                .orElse(false);
        if (!same) {
            throw proposals.conflict(branch, "another change to service " + service
                    + "; merge or close it, or send the same entry");
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

    private PullRequestDraft draft(UpdateRequest request, String branch) {
        return new PullRequestDraft(branch, repository.baseBranch(), UpdateText.title(request),
                UpdateText.body(request, repository.servicesPath()), request.draft());
    }

    private UpdateResult result(PullRequestLink link, String branch, ObjectId commit, Status status) {
        return new UpdateResult(provider.name(), link.number(), link.url(), branch, commit.name(), status);
    }

    @PreDestroy
    @Override
    public void close() {
        proposals.close();
    }
}
