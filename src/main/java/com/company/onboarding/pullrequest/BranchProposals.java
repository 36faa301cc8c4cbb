package com.company.onboarding.pullrequest;

import com.company.onboarding.error.Conflict;
import com.company.onboarding.error.Unavailable;
import com.company.onboarding.git.RefPush;
import com.company.onboarding.pullrequest.OnboardingRepository.Heads;
import com.company.onboarding.pullrequest.PullRequestProvider.PullRequestLink;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.jboss.logging.Logger;

/**
 * The flow onboarding and updates share: one change of services.yaml proposed on a deterministic
 * branch, which is the lock. Requests for one service take turns within this replica; each
 * attempt reads the remote (base and branch), lets the {@link Proposal} decide on the base file
 * (an answer now, or the edit), answers from an existing branch, or commits on the base and
 * pushes with a lease that the branch must not exist. A base that moved before the push or a lost
 * race makes the next attempt re-read and re-decide, a bounded number of times. Before the push
 * only unreachable objects exist; after it the branch is complete, and only the pull request may
 * be missing, which the next request for the same change opens.
 */
final class BranchProposals implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BranchProposals.class);
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(5);

    /** How a flow names what it does, in logs and answers. */
    record Wording(String logPrefix, String busy, String moving) {
        static final Wording ONBOARDING = new Wording("onboarding", "onboarding", "added");
        static final Wording UPDATE = new Wording("update of", "updating", "updated");
    }

    /** What the base file says before anything is written: an answer, or the edit to commit. */
    record Plan<R>(R answer, Supplier<byte[]> edit) {
        static <R> Plan<R> answer(R answer) {
            return new Plan<>(answer, null);
        }

        static <R> Plan<R> edit(Supplier<byte[]> edit) {
            return new Plan<>(null, edit);
        }
    }

    /** One request's decisions; {@code R} is its answer. */
    interface Proposal<R> {
        /** services.yaml on the base branch: an answer now (or a refusal, thrown), or the edit. */
        Plan<R> plan(byte[] services);

        /** The branch already exists at {@code head}: this very change (answer) or a conflict (thrown). */
        R onExistingBranch(ObjectId head);

        String commitMessage();

        /** The branch was pushed at {@code commit}: open its pull request and answer. */
        R pushed(ObjectId commit);
    }

    private final OnboardingRepository repository;
    private final PullRequestProvider provider;
    private final OnboardingSettings settings;
    private final Clock clock;
    private final Wording wording;
    private final ServiceLocks locks = new ServiceLocks();
    private volatile Runnable beforePush = () -> { };

    BranchProposals(OnboardingRepository repository, PullRequestProvider provider, OnboardingSettings settings,
            Clock clock, Wording wording) {
        this.repository = repository;
        this.provider = provider;
        this.settings = settings;
        this.clock = clock;
        this.wording = wording;
    }

    /** Runs {@code proposal} for {@code service} on its branch, taking turns with this replica's other requests for it. */
    <R> R propose(String service, Proposal<R> proposal) {
        Optional<ServiceLocks.Held> held;
        try {
            held = locks.acquire(service, settings.lockTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(service);
        }
        try (ServiceLocks.Held lock = held.orElseThrow(() -> busy(service))) {
            return attempts(service, settings.branch(service), proposal);
        }
    }

    private <R> R attempts(String service, String branch, Proposal<R> proposal) {
        RefPush.Outcome rejection = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(attempt, service);
            }
            Heads heads = repository.read(branch);
            Plan<R> plan = proposal.plan(repository.baseServicesFile(heads.base()));
            if (plan.answer() != null) {
                return plan.answer();
            }
            if (heads.branch().isPresent()) {
                return proposal.onExistingBranch(heads.branch().get());
            }
            byte[] edited = plan.edit().get();
            ObjectId commit = repository.writeCommit(heads.base(), edited, author(), proposal.commitMessage());
            beforePush.run();
            Heads now = repository.heads(branch);
            if (!now.base().equals(heads.base()) || now.branch().isPresent()) {
                LOG.infof("%s %s: platform-next changed while the commit was written (attempt %d); re-reading",
                        wording.logPrefix(), service, attempt);
                rejection = null;
                continue;
            }
            RefPush.Outcome outcome = repository.pushNewBranch(branch, commit);
            if (outcome.pushed()) {
                LOG.infof("%s %s: pushed branch %s at %s", wording.logPrefix(), service, branch, commit.name());
                return proposal.pushed(commit);
            }
            LOG.infof("%s %s: push of %s rejected (%s, attempt %d); re-reading", wording.logPrefix(), service, branch,
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
                + service + " was being " + wording.moving() + " (" + settings.maxAttempts() + " attempts); retry",
                BUSY_RETRY_AFTER, null);
    }

    /**
     * The 409 for a branch that carries another change: {@code where} names the pull request when
     * the host can say (a host that cannot does not hide the conflict), then {@code proposes}.
     */
    Conflict conflict(String branch, String proposes) {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("branch", branch);
        String where = "branch " + branch;
        Optional<PullRequestLink> open = findQuietly(branch);
        if (open.isPresent() && open.get().url() != null) {
            names.put("pullRequest", open.get().url());
            where = "pull request " + open.get().url() + " (branch " + branch + ")";
        }
        return new Conflict("pull-request.conflict", where + " already proposes " + proposes, names);
    }

    /** Runs between writing the commit and checking the remote before the push: tests move the base there. */
    void beforePush(Runnable hook) {
        this.beforePush = hook;
    }

    /** Locks held or awaited right now (tests: none once requests are done). */
    int lockedServices() {
        return locks.size();
    }

    private Optional<PullRequestLink> findQuietly(String branch) {
        try {
            return provider.findOpen(branch);
        } catch (Unavailable e) {
            LOG.warnf("cannot look up the pull request of %s for a conflict: %s", branch, e.getMessage());
            return Optional.empty();
        }
    }

    private PersonIdent author() {
        return new PersonIdent(settings.authorName(), settings.authorEmail(), clock.instant(), ZoneOffset.UTC);
    }

    /** A short random pause, longer each attempt, so racing replicas do not collide again in step. */
    private void pause(int attempt, String service) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(service);
        }
    }

    private Unavailable busy(String service) {
        return new Unavailable("pull-request.busy", "another request is " + wording.busy() + " " + service
                + " in this replica right now; retry shortly", BUSY_RETRY_AFTER, null);
    }

    @Override
    public void close() {
        repository.close();
    }
}
