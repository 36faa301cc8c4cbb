package com.company.onboarding.catalogdata;

/**
 * A catalog file that carries the metrics key but cannot be read (bad YAML, bad JSON, a value of
 * the wrong type). Reported as a finding with {@code source} naming the file; never silently dropped.
 *
 * @param path    the file's path in the repository
 * @param pointer JSON pointer inside the file's metrics JSON, or "" for the file as a whole
 * @param message what is wrong, with line and column where known
 */
public record CatalogProblem(String path, String pointer, String message) {
}
