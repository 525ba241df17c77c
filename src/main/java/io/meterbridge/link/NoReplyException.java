package io.meterbridge.link;

import java.time.Duration;

/** A meter did not answer within the EN 13757-2 timeout, also after every retry. */
public class NoReplyException extends MBusException {

    private static final long serialVersionUID = 1L;
    private final int attempts;

    public NoReplyException(String port, String address, String request, int attempts, Duration timeout) {
        super("no reply from meter " + address + " on " + port + " to " + request + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (timeout " + timeout.toMillis()
                + " ms each); check the address, the baud rate and the wiring, or raise --latency", address);
        this.attempts = attempts;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }
}
