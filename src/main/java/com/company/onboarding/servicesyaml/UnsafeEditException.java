package com.company.onboarding.servicesyaml;

/**
 * {@code services.yaml} is written in a way the editor cannot change without risking other
 * bytes (tabs, anchors, several documents, {@code services} not a list, ...). The file is the
 * cause, not the entry or the service: the flow answers 409 {@code services.edit.unsafe} and
 * the platform team fixes the file. The message says why and never quotes the file.
 */
public final class UnsafeEditException extends Exception {

    private final int line;

    public UnsafeEditException(String reason, int line) {
        super(reason, null, false, false);
        this.line = line;
    }

    /** 1-based line of the file the reason is about, or 0 when it is about the whole file. */
    public int line() {
        return line;
    }

    /** The reason with its line, the way a client reads it. */
    public String describe() {
        return line > 0 ? "services.yaml line " + line + ": " + getMessage() : "services.yaml: " + getMessage();
    }
}
