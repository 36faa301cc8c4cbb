package com.company.onboarding.parsing;

/**
 * A document (request body, file read from git) that cannot be turned into a tree.
 * Carries the position so a client can find the problem; never the document itself.
 */
public final class DocumentException extends Exception {

    /** Why the document was refused; each kind maps to one problem code. */
    public enum Kind {
        SYNTAX, ENCODING, TOO_LARGE, TOO_DEEP, DUPLICATE_KEY, ALIAS, TAG, MULTIPLE_DOCUMENTS, EMPTY,
        /** A character YAML readers disagree on ({@link LineBreakCharacters}). */
        CHARACTER
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String pointer;

    public DocumentException(Kind kind, String message, int line, int column, String pointer) {
        super(message, null, false, false);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.pointer = pointer;
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** JSON pointer of the node concerned, or null when the problem is not inside a node. */
    public String pointer() {
        return pointer;
    }

    /** The message with its position, the way a client reads it. */
    public String describe() {
        return line > 0 ? "line " + line + ", column " + column + ": " + getMessage() : getMessage();
    }
}
