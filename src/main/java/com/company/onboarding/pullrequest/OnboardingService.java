package com.company.onboarding.pullrequest;

import com.company.onboarding.config.PlatformNextConfig;
import com.company.onboarding.config.PullRequestConfig;
import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.Mirror;
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
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

/**
 * {@code POST /services} after validation (docs/spec.md#opening-the-pull-request): adds the entry to services.yaml on a
 * branch {@code <prefix><service>} and opens the pull request, idempotently and safely under
 * concurrency.
 *
 * <p>The branch name is deterministic, so the branch is the lock ({@link BranchProposals} runs the
 * attempts, shared with updates). Each attempt reads the remote
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

    private final OnboardingRepository repository;
    private final PullRequestProvider provider;
    private final OnboardingSettings settings;
    private final BranchProposals proposals;
    private final ServicesYamlEditor editor = new ServicesYamlEditor();

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
        this.proposals = new BranchProposals(repository, provider, settings, clock, BranchProposals.Wording.ONBOARDING);
    }

    /**
     * @throws Conflict    {@code service.exists}, {@code pull-request.conflict} (extensions {@code branch},
     *                     {@code pullRequest}), {@code services.edit.unsafe}
     * @throws Unavailable platform-next or the PR host unreachable, rate-limited, or busy past the bounds
     */
    public OnboardingResult onboard(OnboardingRequest request) {
        String service = request.service();
        return proposals.propose(service, new BranchProposals.Proposal<>() {
            @Override
            public BranchProposals.Plan<OnboardingResult> plan(byte[] services) {
                if (ServicesEntries.contains(services, service)) {
                    throw new Conflict("service.exists", "service " + service + " is already in "
                            + repository.servicesPath() + " on " + repository.baseBranch());
                }
                return BranchProposals.Plan.edit(() -> edit(services, request));
            }

            @Override
            public OnboardingResult onExistingBranch(ObjectId head) {
                return existing(request, head);
            }

            @Override
            public String commitMessage() {
                return PullRequestText.commitMessage(request, repository.servicesPath());
            }

            @Override
            public OnboardingResult pushed(ObjectId commit) {
                String branch = branch(request);
                Opened opened = provider.open(draft(request, branch));
                return result(opened.link(), branch, commit, Status.CREATED);
            }
        });
    }

    private String branch(OnboardingRequest request) {
        return settings.branch(request.service());
    }

    /** The branch exists: it is ours (the same entry: finish and answer with it) or a conflict. */
    private OnboardingResult existing(OnboardingRequest request, ObjectId head) {
        String service = request.service();
        String branch = branch(request);
        boolean same = repository.servicesFile(head)
                .map(file -> ServicesEntries.containsEntry(file, request.entry()))
                .orElse(false);
        if (!same) {
            throw proposals.conflict(branch, "a different entry for service " + service
                    + "; update or close it, or send the same entry");
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

    private PullRequestDraft draft(OnboardingRequest request, String branch) {
        return new PullRequestDraft(branch, repository.baseBranch(), PullRequestText.title(request),
                PullRequestText.body(request, repository.servicesPath()), request.draft());
    }

    private OnboardingResult result(PullRequestLink link, String branch, ObjectId commit, Status status) {
        return new OnboardingResult(provider.name(), link.number(), link.url(), branch, commit.name(), status);
    }

    @PreDestroy
    @Override
    public void close() {
        proposals.close();
    }
}
