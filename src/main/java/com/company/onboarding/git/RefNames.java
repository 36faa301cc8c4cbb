package com.company.onboarding.git;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule a ref from a request must pass before it touches git (docs/spec.md#reliability-and-security,
 * docs/library-notes.md#git-refs-and-paths): a tag or branch name, or a full commit id. Stricter than JGit's
 * {@code Repository.isValidRefName}, which accepts a leading {@code -} that git's command line
 * would read as an option.
 */
public final class RefNames {

    public static final int MAX_LENGTH = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{40}");

    private RefNames() {
    }

    /** A full (40 hex digits) commit id, in either case. */
    public static boolean isCommitId(String ref) {
        return ref != null && COMMIT_ID.matcher(ref).matches();
    }

    public static boolean isValid(String ref) {
        return problem(ref).isEmpty();
    }

    /** Why {@code ref} is not acceptable, in words that never repeat the ref itself; empty when it is. */
    public static Optional<String> problem(String ref) {
        if (ref == null || ref.isEmpty()) {
            return Optional.of("is empty");
        }
        if (ref.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (isCommitId(ref)) {
            return Optional.empty();
        }
        if (!NAME.matcher(ref).matches()) {
            return Optional.of("must start with a letter or digit and hold only letters, digits, '.', '_', '-' and '/'");
        }
        if (ref.contains("..")) {
            return Optional.of("must not contain '..'");
        }
        if (ref.contains("//") || ref.endsWith("/")) {
            return Optional.of("must not contain an empty path segment or end with '/'");
        }
        if (ref.endsWith(".")) {
            return Optional.of("must not end with '.'");
        }
        for (String segment : ref.split("/")) {
            // git refuses these (git check-ref-format); refusing them here keeps the answer a 400, not a 404.
            if (segment.startsWith(".") || segment.endsWith(".lock")) {
                return Optional.of("must not have a segment starting with '.' or ending with '.lock'");
            }
        }
        return Optional.empty();
    }
}
