package io.meterbridge.link;

import java.time.Duration;

/** A meter did not answer within the EN 13757-2 timeout, also after every retry. */
public class NoReplyException extends MBusException {

    private static final long serialVersionUID = 1L;
    private final int attempts;

    /**
     * @param settings the bus's settings: its port, and how the user raises the adapter latency
     *     there ({@link BusSettings#latencyOption()}), since the hint must name the knob of the
     *     front end the user is in
     */
    public NoReplyException(BusSettings settings, String address, String request, int attempts, Duration timeout) {
        super("no reply from meter " + address + " on " + settings.port() + " to " + request + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (timeout " + timeout.toMillis()
                + " ms each); " + hint(settings), address);
        this.attempts = attempts;
    }

    /** What to check: the wiring of a wired bus, the head and the wake-up of an optical eye. */
    private static String hint(BusSettings settings) {
        String latency = "raise " + settings.latencyOption() + " (adapter latency now " + settings.adapterLatency().toMillis()
                + " ms)";
        if (!settings.wakeUp().isZero()) {
            return "check that the IR head sits on the meter's optical eye (cable side as the meter's manual shows) and "
                    + "that nothing shines on it; some meters need a longer wake-up (now " + settings.wakeUp().toMillis()
                    + " ms) or answer only for a while after their button is pressed; or " + latency;
        }
        return "check the address, the baud rate and the wiring (through a meter's optical eye: give a wake-up of "
                + "about 2200 ms), or " + latency;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }
}
