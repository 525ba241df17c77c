package io.meterbridge.link;

/**
 * A meter read through its optical eye answered, but not with a valid message (CRC or BCC error,
 * a frame cut short, bytes the protocol does not allow), also after every retry. The cause is the
 * codec's exception, which says what was expected and found at which byte offset.
 */
public class OpticalReplyException extends MBusException {

    private static final long serialVersionUID = 1L;

    public OpticalReplyException(String where, String meter, String request, int attempts, Exception cause) {
        super("bad answer on " + where + " from " + meter + " to " + request + " after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + cause.getMessage()
                + "; glare or a loose head garble the light: shade the eye and check the head sits flat", null, cause);
    }
}
