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
                + " ms each); check the address, the baud rate and the wiring, or raise " + settings.latencyOption()
                + " (adapter latency now " + settings.adapterLatency().toMillis() + " ms)", address);
        this.attempts = attempts;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }
}
