package com.company.onboarding.servicesyaml;

/**
 * The edited text did not parse back to the old services plus the new entry with everything
 * else unchanged. That is a fault of the editor, never of the request: nothing is pushed, the
 * fault is logged and the client gets a 500-class problem. The message names the JSON pointer
 * that differs, not the file's content.
 */
public final class EditNotVerifiedException extends IllegalStateException {

    public EditNotVerifiedException(String message) {
        super(message);
    }
}
