package io.meterbridge.p1;

/** A telegram that cannot be read at all (no header, no end); says where and what was expected. */
public class P1FormatException extends Exception {

    private final int lineNumber;

    public P1FormatException(String message, int lineNumber) {
        super("line " + lineNumber + ": " + message);
        this.lineNumber = lineNumber;
    }

    /** 1-based line in the telegram. */
    public int lineNumber() {
        return lineNumber;
    }
}
