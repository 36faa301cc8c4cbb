package com.company.onboarding.validation;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a value is refused, in words a person can act on, and a likely intended value when one is
 * close (becomes {@code Finding.suggestion}).
 *
 * @param reason     what exactly is wrong, e.g. {@code "secs" is not an accepted unit; accepted: count, ...}
 * @param suggestion the value probably meant, or null
 */
public record Rejection(String reason, String suggestion) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
    }

    public static Rejection of(String reason) {
        return new Rejection(reason, null);
    }

    /**
     * Empty when {@code value} is one of {@code known} (exactly, case included); otherwise
     * {@code "secs" is not a known unit; known: count, seconds, ...} with the closest known value
     * as suggestion. {@code what} names the kind of value ("unit", "region").
     */
    public static Optional<Rejection> unlessKnown(String what, String value, Collection<String> known) {
        if (value != null && known.contains(value)) {
            return Optional.empty();
        }
        String list = String.join(", ", known);
        if (value == null || value.isEmpty()) {
            return Optional.of(of("no " + what + " given; known: " + list));
        }
        return Optional.of(new Rejection(quoted(value) + " is not a known " + what + "; known: " + list,
                Suggestions.closest(value, known).orElse(null)));
    }

    /** The reason, followed by the suggestion when there is one: what a form shows next to the field. */
    public String message() {
        return suggestion == null ? reason : reason + "; did you mean \"" + suggestion + "\"?";
    }

    /** The value in double quotes, shortened so a hostile value cannot flood a message. */
    static String quoted(String value) {
        if (value.length() <= 64) {
            return "\"" + value + "\"";
        }
        int cut = Character.isHighSurrogate(value.charAt(60)) ? 60 : 61;
        return "\"" + value.substring(0, cut) + "...\"";
    }
}
