package io.meterbridge.iec62056;

/**
 * A readout that did not complete: bytes that are not IEC 62056-21 ({@link Iec62056FormatException},
 * {@link Iec62056BccException}) or a meter that did not answer in time ({@link Iec62056TimeoutException}).
 * The message says what was expected and what was found.
 */
public class Iec62056Exception extends Exception {

    private static final long serialVersionUID = 1L;

    public Iec62056Exception(String message) {
        super(message);
    }
}
