package com.company.onboarding.entry;

import java.util.regex.Pattern;

/** Names that become paths, branch names and Kubernetes names: DNS-1123 labels only. */
public final class Names {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private Names() {
    }

    public static boolean isDns1123Label(String name) {
        return name != null && DNS_1123_LABEL.matcher(name).matches();
    }
}
