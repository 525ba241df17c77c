package io.meterbridge.iec62056;

/**
 * The meter said nothing, or nothing of what was awaited, before the time the
 * {@link ReadoutSession} allowed: no identification after the request (asleep, wrong wake-up,
 * head not on the eye), or no data block after the identification or acknowledgement (wrong baud
 * rate). A block that was started and then stopped is a truncated block, an
 * {@link Iec62056FormatException}, not a timeout.
 */
public final class Iec62056TimeoutException extends Iec62056Exception {

    private static final long serialVersionUID = 1L;
    private final ReadoutSession.State state;

    public Iec62056TimeoutException(String message, ReadoutSession.State state) {
        super(message);
        this.state = state;
    }

    /** What the session was waiting for when the time ran out. */
    public ReadoutSession.State state() {
        return state;
    }
}
