package io.meterbridge.camel.postgresql;

/**
 * A journal entry the database will never take however often it is tried (no JSON, no
 * {@code read_at} or {@code meter_key}): routes/postgresql.yaml writes it aside, as the HTTP output
 * does with a 4xx answer, instead of letting it hold back every reading behind it.
 */
public final class UnstorableReadingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnstorableReadingException(String message) {
        super(message);
    }
}
