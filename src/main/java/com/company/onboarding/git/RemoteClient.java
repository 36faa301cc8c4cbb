package com.company.onboarding.git;

import com.company.onboarding.error.Unavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Talks to one configured remote: lists its refs and fetches from it into a local repository.
 * Every operation has the remote's timeout and is counted on {@code /q/metrics} by repository;
 * every failure to reach the remote is an {@link Unavailable} (503) naming the remote but never
 * its URL or credentials.
 */
public final class RemoteClient {

    /** What clients are told to wait before retrying when a remote fails. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final GitRemote remote;
    private final Counter fetches;
    private final Counter fetchFailures;
    private final Counter lsRemotes;
    private final Timer fetchDuration;

    public RemoteClient(GitRemote remote, MeterRegistry meters) {
        this.remote = remote;
        this.fetches = Counter.builder("onboarding.git.fetches").tag("repository", remote.name())
                .description("Fetches from the remote").register(meters);
        this.fetchFailures = Counter.builder("onboarding.git.fetch.failures").tag("repository", remote.name())
                .description("Fetches from the remote that failed").register(meters);
        this.lsRemotes = Counter.builder("onboarding.git.ls-remote").tag("repository", remote.name())
                .description("Ref listings asked of the remote").register(meters);
        this.fetchDuration = Timer.builder("onboarding.git.fetch.duration").tag("repository", remote.name())
                .description("Duration of fetches from the remote").register(meters);
    }

    public GitRemote remote() {
        return remote;
    }

    /** The remote's refs, each with the commit it points to (annotated tags peeled). */
    public RemoteRefs lsRemote() {
        lsRemotes.increment();
        LsRemoteCommand command = Git.lsRemoteRepository()
                .setRemote(remote.url().value())
                .setTimeout(remote.timeoutSeconds());
        remote.credentials().ifPresent(command::setCredentialsProvider);
        try {
            Collection<Ref> refs = command.call();
            Map<String, ObjectId> result = new LinkedHashMap<>();
            Optional<String> defaultBranch = Optional.empty();
            for (Ref ref : refs) {
                ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                if (id != null) {
                    result.put(ref.getName(), id);
                }
                if (ref.getName().equals(Constants.HEAD) && ref.isSymbolic()) {
                    defaultBranch = Optional.of(ref.getTarget().getName());
                }
            }
            return new RemoteRefs(result, defaultBranch);
        } catch (GitAPIException | RuntimeException e) {
            throw unavailable("cannot list refs of", e);
        }
    }

    /**
     * Fetches {@code source} (a ref name, or a commit id where the server allows it) into
     * {@code into} as {@code localRef}, and returns the commit that ref then points to.
     * {@code depth} 0 means full history. The caller serialises fetches into one repository.
     */
    public ObjectId fetch(Repository into, String source, String localRef, int depth) {
        fetch(into, List.of(new RefSpec("+" + source + ":" + localRef)), depth, "cannot fetch " + describe(source) + " from");
        try {
            Ref ref = into.exactRef(localRef);
            if (ref == null) {
                throw new Unavailable(remote.name() + ".unavailable",
                        remote.name() + " did not send " + describe(source), RETRY_AFTER, null);
            }
            try (RevWalk walk = new RevWalk(into)) {
                return walk.parseCommit(ref.getObjectId()).getId();
            }
        } catch (IOException e) {
            throw unavailable("cannot store what was fetched from", e);
        }
    }

    /** Fetches every branch and tag with full history, as {@code refs/heads/*} and {@code refs/tags/*}. */
    public void fetchBranchesAndTags(Repository into) {
        fetch(into, List.of(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*")), 0,
                "cannot fetch the branches and tags of");
    }

    private void fetch(Repository into, List<RefSpec> specs, int depth, String what) {
        FetchCommand command = Git.wrap(into).fetch()
                .setRemote(remote.url().value())
                .setRefSpecs(specs)
                .setTagOpt(TagOpt.NO_TAGS)
                .setTimeout(remote.timeoutSeconds());
        if (depth > 0) {
            command.setDepth(depth);
        }
        remote.credentials().ifPresent(command::setCredentialsProvider);
        long start = System.nanoTime();
        try {
            command.call();
        } catch (GitAPIException | RuntimeException e) {
            fetchFailures.increment();
            throw unavailable(what, e);
        } finally {
            fetches.increment();
            fetchDuration.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String describe(String source) {
        return ObjectId.isId(source) ? "commit " + source : source;
    }

    Unavailable unavailable(String what, Exception cause) {
        // The cause may carry the URL with credentials; only our own words reach the client.
        return new Unavailable(remote.name() + ".unavailable",
                what + " " + remote.name() + ": the remote did not answer in time or refused the request",
                RETRY_AFTER, cause);
    }
}
