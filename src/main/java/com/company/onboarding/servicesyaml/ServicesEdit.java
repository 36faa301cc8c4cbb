package com.company.onboarding.servicesyaml;

import java.nio.charset.StandardCharsets;

/**
 * A verified edit of {@code services.yaml}.
 *
 * @param text the whole new file (with its byte order mark, if the old one had one)
 * @param kind how the file was changed
 * @param line 1-based line of the new item's {@code -} in {@code text}
 */
public record ServicesEdit(String text, Kind kind, int line) {

    public enum Kind {
        /** The item was inserted after the last item; every old byte is still there, in place. */
        APPENDED,
        /** The file had no {@code services} key: it was added at the end with the item; a pure insertion too. */
        KEY_ADDED,
        /**
         * {@code services} was a flow list ({@code []}, {@code [{...}]}) or {@code null}: that value
         * was rewritten as a block list, old items kept verbatim; every byte outside it is unchanged.
         */
        REWRITTEN
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
