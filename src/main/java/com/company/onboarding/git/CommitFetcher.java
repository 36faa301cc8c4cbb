package com.company.onboarding.git;

import com.company.onboarding.error.Unavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.jboss.logging.Logger;

/**
 * Fetches one commit of a remote, alone (depth 1), into a local repository, each fetch holding
 * one of its {@link Bulkhead}'s fetch slots: shallow by a ref that still points at it, else by
 * its id, else out of the remote's whole history (servers that serve only advertised refs refuse
 * an id).
 */
public final class CommitFetcher {

    private static final Logger LOG = Logger.getLogger(CommitFetcher.class);
    private static final String WANT_REF = "refs/want/commit";

    private final RemoteClient remote;
    private final Bulkhead bulkhead;

    public CommitFetcher(RemoteClient remote, Bulkhead bulkhead) {
        this.remote = remote;
        this.bulkhead = bulkhead;
    }

    public RemoteClient remote() {
        return remote;
    }

    /**
     * Fetches {@code commit} into {@code into} as {@code localRef}.
     *
     * @param refs    remote refs that pointed to the commit when last asked, tried first
     * @param scratch a directory for the whole history when it has to be fetched (deleted after)
     * @return false when the remote does not have the commit
     * @throws Unavailable when the remote cannot be reached, or every fetch slot stays taken
     * @throws UncheckedIOException when what was fetched cannot be stored
     */
    public boolean fetch(Repository into, ObjectId commit, List<String> refs, String localRef, Path scratch) {
        return bulkhead.fetch(() -> {
            try {
                return fetchAlone(into, commit, refs, localRef, scratch);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store commit " + commit.name() + " of the "
                        + remote.remote().name(), e);
            }
        });
    }

    private boolean fetchAlone(Repository into, ObjectId commit, List<String> refs, String localRef, Path scratch)
            throws IOException {
        for (String ref : refs) {
            // A failure here is the remote's (the ref was just advertised): no point in trying more.
            if (remote.fetch(into, ref, localRef, 1).equals(commit)) {
                return true;
            }
        }
        try {
            if (remote.fetch(into, commit.name(), localRef, 1).equals(commit)) {
                return true;
            }
        } catch (Unavailable e) {
            // Servers that only serve advertised refs (JGit's default) refuse an id: look in the history.
            LOG.debugf("the %s refused commit %s by id; fetching its branches and tags", remote.remote().name(),
                    commit.name());
        }
        Path history = scratch.resolve(commit.name() + "-" + UUID.randomUUID() + "-history.git");
        try (Repository full = LocalRepositories.createBare(history)) {
            remote.fetchBranchesAndTags(full);
            if (!isCommit(full, commit)) {
                return false;
            }
            // Keep just the commit: a shallow fetch from the local copy, through a ref naming it.
            RefUpdate want = full.updateRef(WANT_REF);
            want.setNewObjectId(commit);
            want.setForceUpdate(true);
            want.update();
            Git.wrap(into).fetch().setRemote(history.toUri().toString())
                    .setRefSpecs(new RefSpec("+" + WANT_REF + ":" + localRef)).setDepth(1).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot copy commit " + commit.name() + " from its history", e);
        } finally {
            LocalRepositories.delete(history);
        }
        if (!isCommit(into, commit)) {
            throw new IOException("commit " + commit.name() + " is missing after its fetch");
        }
        return true;
    }

    private static boolean isCommit(Repository repository, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevObject object = walk.parseAny(id);
            return object instanceof RevCommit;
        } catch (MissingObjectException e) {
            return false;
        }
    }
}
