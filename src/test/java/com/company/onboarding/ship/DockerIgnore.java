package com.company.onboarding.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} with the builder's rules: patterns relative to the context root, a
 * leading {@code /} and a trailing {@code /} ignored, {@code *} and {@code ?} within one path
 * segment, {@code **} across any number; a pattern matching a directory matches everything in it;
 * {@code !} re-includes; the last pattern that matches decides.
 */
record DockerIgnore(List<Rule> rules) {

    record Rule(Pattern pattern, boolean exception, String text) {
    }

    static DockerIgnore read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String pattern = clean(exception ? line.substring(1).strip() : line);
            rules.add(new Rule(Pattern.compile(regex(pattern)), exception, line));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether {@code path} (relative to the context root, {@code /}-separated) stays out of the context. */
    boolean excludes(String path) {
        String clean = clean(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.pattern(), clean)) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(Pattern pattern, String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String path) {
        String clean = path.replace('\\', '/');
        while (clean.startsWith("/") || clean.startsWith("./")) {
            clean = clean.substring(clean.startsWith("/") ? 1 : 2);
        }
        while (clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean.replaceAll("/+", "/");
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                boolean dirs = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
                regex.append(dirs ? "(?:.*/)?" : ".*");
                i += dirs ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                throw new IllegalArgumentException("character classes are not supported: " + pattern);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
