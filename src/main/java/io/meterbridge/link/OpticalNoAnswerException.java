package io.meterbridge.link;

/**
 * A meter read through its optical eye gave no answer at all, also after every retry: the head is
 * not on the eye, is upside down, glare blinds it, or the eye sleeps.
 */
public class OpticalNoAnswerException extends MBusException {

    private static final long serialVersionUID = 1L;
    private final int attempts;

    /**
     * @param where the head and its framing, e.g. {@code /dev/ttyUSB0 at 1200 Bd 8N2}
     * @param meter what was asked, e.g. {@code the KMP meter}
     * @param request the request that went unanswered
     * @param hint what to check for this protocol's meters
     */
    public OpticalNoAnswerException(String where, String meter, String request, int attempts, String hint) {
        super("no answer on " + where + " from " + meter + " to " + request + " (" + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "): " + hint, null);
        this.attempts = attempts;
    }

    /** How many times the request was sent. */
    public int attempts() {
        return attempts;
    }
}
