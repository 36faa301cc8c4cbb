package com.company.onboarding.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A git URL from configuration: {@code https://}, {@code http://}, {@code git://},
 * {@code file://}, or an absolute path. SSH is refused at start-up rather than at the first
 * fetch: the service ships without JGit's SSH transport (tokens over HTTPS are the supported way).
 * Converting a configuration value through this type is what makes a malformed URL stop
 * start-up with a message naming the key.
 */
public record GitUrl(String value) {

    private static final Set<String> SCHEMES = Set.of("https", "http", "git", "file");
    private static final String SSH_UNSUPPORTED =
            "SSH git URLs are not supported; use the https:// URL with a token (see the README)";
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");

    public GitUrl {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a git URL must not be empty");
        }
        value = value.strip();
        if (value.contains("://")) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid git URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("ssh") || scheme.startsWith("git+ssh")) {
                throw new IllegalArgumentException(SSH_UNSUPPORTED);
            }
            if (!SCHEMES.contains(scheme)) {
                throw new IllegalArgumentException("unsupported git URL scheme '" + scheme + "' (use one of " + SCHEMES + ")");
            }
            if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isBlank())) {
                throw new IllegalArgumentException("a " + scheme + " git URL needs a host");
            }
            if (uri.getPath() == null || uri.getPath().isBlank() || uri.getPath().equals("/")) {
                throw new IllegalArgumentException("a git URL needs a repository path");
            }
        } else if (SCP_LIKE.matcher(value).matches()) {
            throw new IllegalArgumentException(SSH_UNSUPPORTED);
        } else if (!Path.of(value).isAbsolute()) {
            throw new IllegalArgumentException("not a git URL: use https://, file:// or an absolute path");
        }
    }

    /** A local file system repository: only configuration can name one. */
    public boolean isLocal() {
        return value.startsWith("file:") || value.startsWith("/");
    }

    /** For logs and problems: the URL without any user-info (which may hold a token). */
    public String redacted() {
        return redact(value);
    }

    public static String redact(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
