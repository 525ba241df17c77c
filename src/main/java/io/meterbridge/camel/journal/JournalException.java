package io.meterbridge.camel.journal;

/** A journal could not store or read a message; the message names the file and the cause. */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JournalException(String message) {
        super(message);
    }

    JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
