package com.company.onboarding.git;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * One remote repository as configuration names it.
 *
 * @param name     short name used in logs, metrics and problem codes ({@code platform-next}, {@code metrics-catalog})
 * @param url      where to fetch and push
 * @param username git user name, used only with a password
 * @param password git password or token; never logged ({@link #toString()} leaves it out)
 * @param timeout  connect and read timeout of each operation
 */
public record GitRemote(String name, GitUrl url, String username, Optional<String> password, Duration timeout) {

    public GitRemote {
        Objects.requireNonNull(name);
        Objects.requireNonNull(url);
        password = password.filter(p -> !p.isBlank());
    }

    public Optional<CredentialsProvider> credentials() {
        return password.map(p -> new UsernamePasswordCredentialsProvider(username, p));
    }

    /** JGit takes whole seconds; a sub-second timeout still gets one. */
    public int timeoutSeconds() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }

    @Override
    public String toString() {
        return name + " (" + url.redacted() + ")";
    }
}
