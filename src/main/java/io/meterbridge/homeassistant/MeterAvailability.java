package io.meterbridge.homeassistant;

import java.util.Objects;

/**
 * A meter's availability as a value: {@code offline} after {@code threshold} consecutive failed
 * polls (or, for a meter that sends by itself, after it fell silent), {@code online} again on the
 * next good read. Pure: each poll
 * result gives the next state, and {@link #changed()} says whether the availability topic must be
 * published.
 *
 * @param state what was last published: nothing yet, online or offline
 * @param consecutiveFailures failed polls since the last good one
 * @param changed true if the last transition changed what must be published
 */
public record MeterAvailability(State state, int consecutiveFailures, boolean changed) {

    /** What the availability topic says. */
    public enum State {
        /** Nothing published yet (before the first poll, or failures below the threshold). */
        UNKNOWN,
        ONLINE,
        OFFLINE
    }

    public MeterAvailability {
        Objects.requireNonNull(state, "state");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutive failures cannot be negative, found " + consecutiveFailures);
        }
    }

    /** The state before the first poll. */
    public static MeterAvailability unknown() {
        return new MeterAvailability(State.UNKNOWN, 0, false);
    }

    /** True if the meter is shown available. */
    public boolean online() {
        return state == State.ONLINE;
    }

    /** After a good read: online, and {@link #changed()} if it was not. */
    public MeterAvailability afterSuccess() {
        return new MeterAvailability(State.ONLINE, 0, state != State.ONLINE);
    }

    /** After a failed poll: offline once {@code threshold} polls in a row have failed. */
    public MeterAvailability afterFailure(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, found " + threshold);
        }
        int failures = consecutiveFailures + 1;
        if (failures >= threshold && state != State.OFFLINE) {
            return new MeterAvailability(State.OFFLINE, failures, true);
        }
        return new MeterAvailability(state, failures, false);
    }

    /** A meter that sends by itself (P1) has been silent too long: offline, {@link #changed()} if it was not. */
    public MeterAvailability afterSilence() {
        return new MeterAvailability(State.OFFLINE, consecutiveFailures, state != State.OFFLINE);
    }
}
