package com.company.onboarding.git;

import com.company.onboarding.error.Unavailable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.jboss.logging.Logger;

/**
 * Pushes one commit from a mirror to one ref of its remote, with a lease: the remote ref must
 * still point where the caller last saw it ({@link ObjectId#zeroId()}: must not exist). That is
 * what lets several replicas race on one branch safely: exactly one push creates it, the others
 * are rejected and re-read. A rejection is an {@link Outcome}, not an exception (JGit reports it
 * per ref, it does not throw); failing to reach the remote, or being refused the credentials, is
 * an {@link Unavailable} that names the remote but never the credentials.
 */
public final class RefPush {

    private static final Logger LOG = Logger.getLogger(RefPush.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    /** What the remote did with the update. */
    public enum Status {
        /** The ref now points at the commit. */
        PUSHED,
        /** The ref was not where the lease said (someone else moved or created it), or the remote refused. */
        REJECTED
    }

    /** @param reason the remote's or JGit's words for a rejection, for the log; empty when pushed */
    public record Outcome(Status status, String reason) {
        public boolean pushed() {
            return status == Status.PUSHED;
        }
    }

    private RefPush() {
    }

    public static Outcome push(Mirror mirror, String remoteRef, ObjectId commit, ObjectId expectedOld) {
        GitRemote remote = mirror.remote();
        try (Transport transport = Transport.open(mirror.repository(), remote.url().value())) {
            transport.setTimeout(remote.timeoutSeconds());
            remote.credentials().ifPresent(transport::setCredentialsProvider);
            RemoteRefUpdate update = new RemoteRefUpdate(mirror.repository(), null, commit, remoteRef, false, null,
                    expectedOld);
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
            RemoteRefUpdate done = result.getRemoteUpdate(remoteRef);
            RemoteRefUpdate.Status status = done == null ? RemoteRefUpdate.Status.NOT_ATTEMPTED : done.getStatus();
            return switch (status) {
                case OK -> new Outcome(Status.PUSHED, "");
                // UP_TO_DATE: the remote already has this very commit there, put by someone else: re-read.
                case UP_TO_DATE, REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED, REJECTED_NODELETE,
                        REJECTED_OTHER_REASON -> new Outcome(Status.REJECTED,
                        status + (done.getMessage() == null ? "" : ": " + done.getMessage()));
                case NON_EXISTING, NOT_ATTEMPTED, AWAITING_REPORT -> throw new Unavailable(remote.name() + ".unavailable",
                        "pushing to " + remote.name() + " did not complete", RETRY_AFTER, null);
            };
        } catch (TransportException e) {
            throw failed(remote, e);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            if (e instanceof Unavailable u) {
                throw u;
            }
            throw failed(remote, e);
        }
    }

    private static Unavailable failed(GitRemote remote, Exception cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("not authorized") || message.contains("authentication is required")
                || message.contains("not permitted")) {
            // Our credentials, not the caller's: the operator has to act, so say which setting.
            LOG.warnf("%s refused our credentials for a push; check platform-next.git-password or pull-request.token",
                    remote);
            return new Unavailable(remote.name() + ".push-denied", remote.name()
                    + " refused the service's credentials for pushing the branch; the operator must check its token",
                    RETRY_AFTER, null);
        }
        // The cause may carry the URL with credentials: it goes to the log through the mapper, never to the client.
        return new Unavailable(remote.name() + ".unavailable", "cannot push to " + remote.name()
                + ": the remote did not answer in time or refused the request", RETRY_AFTER, cause);
    }
}
