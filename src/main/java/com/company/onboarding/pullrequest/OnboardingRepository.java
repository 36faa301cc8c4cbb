package com.company.onboarding.pullrequest;

import com.company.onboarding.error.Unavailable;
import com.company.onboarding.error.UpstreamInvalid;
import com.company.onboarding.git.FileCommit;
import com.company.onboarding.git.Mirror;
import com.company.onboarding.git.RefPush;
import com.company.onboarding.git.RemoteRefs;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * platform-next as the onboarding flow writes it: its own bare working mirror (apart from the
 * one reads use, so a write never disturbs a read), where it reads the base branch and an
 * onboarding branch at their current commits, writes the commit, and pushes with a lease.
 */
final class OnboardingRepository implements AutoCloseable {

    /** Largest services.yaml read (the same bound as the base branch reader's). */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private final Mirror mirror;
    private final String baseBranch;
    private final String servicesPath;

    /**
     * The remote's state as one ls-remote saw it.
     *
     * @param base   the base branch's commit
     * @param branch the onboarding branch's commit, empty when the branch does not exist
     */
    record Heads(ObjectId base, Optional<ObjectId> branch) {
    }

    OnboardingRepository(Mirror mirror, String baseBranch, String servicesPath) {
        this.mirror = mirror;
        this.baseBranch = baseBranch;
        this.servicesPath = servicesPath;
    }

    String baseBranch() {
        return baseBranch;
    }

    String servicesPath() {
        return servicesPath;
    }

    /** Where the base branch and {@code branch} point now, on the remote. */
    Heads heads(String branch) {
        RemoteRefs refs = mirror.lsRemote();
        ObjectId base = refs.get(Constants.R_HEADS + baseBranch).orElseThrow(() -> new Unavailable(
                "platform-next.unavailable", "platform-next has no branch " + baseBranch, Duration.ofSeconds(30), null));
        return new Heads(base, refs.get(Constants.R_HEADS + branch));
    }

    /**
     * The remote's heads with their commits in the mirror (fetched when new to it). A ref
     * that moved between the listing and the fetch is taken where the fetch found it.
     */
    Heads read(String branch) {
        Heads heads = heads(branch);
        ObjectId base = present(baseBranch, heads.base());
        Optional<ObjectId> onboarding = heads.branch().map(id -> present(branch, id));
        return new Heads(base, onboarding);
    }

    RevCommit commit(ObjectId id) {
        return mirror.commit(id);
    }

    /** {@code services.yaml} at {@code commit}, if the commit has it. */
    Optional<byte[]> servicesFile(ObjectId commit) {
        return mirror.file(commit, servicesPath, MAX_FILE_BYTES);
    }

    /** {@code services.yaml} on the base branch at {@code commit}; a 502 when it is missing there. */
    byte[] baseServicesFile(ObjectId commit) {
        return servicesFile(commit).orElseThrow(() -> new UpstreamInvalid("platform-next.invalid",
                "platform-next " + servicesPath + ": the file does not exist on " + baseBranch));
    }

    /** A commit on top of {@code base} with services.yaml replaced by {@code services}. */
    ObjectId writeCommit(ObjectId base, byte[] services, PersonIdent author, String message) {
        return FileCommit.write(mirror.repository(), mirror.commit(base), servicesPath, services, author, message);
    }

    /** Creates {@code branch} at {@code commit}; rejected if it exists by then. */
    RefPush.Outcome pushNewBranch(String branch, ObjectId commit) {
        return RefPush.push(mirror, Constants.R_HEADS + branch, commit, ObjectId.zeroId());
    }

    private ObjectId present(String branch, ObjectId id) {
        return mirror.contains(id) ? id : mirror.fetch(Constants.R_HEADS + branch, 0);
    }

    @Override
    public void close() {
        mirror.close();
    }
}
