package io.meterbridge.link;

/** A meter's answer was not a valid frame (checksum, length, stop byte, truncation), also after every retry. */
public class CorruptReplyException extends MBusException {

    private static final long serialVersionUID = 1L;
    private final FrameFormatException frameError;

    public CorruptReplyException(String port, String address, String request, int attempts,
            FrameFormatException frameError) {
        super("corrupt reply from meter " + address + " on " + port + " to " + request + " after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + frameError.getMessage()
                + "; check for a second master, termination and cable length, or lower the baud rate",
                address, frameError);
        this.frameError = frameError;
    }

    /** What was wrong with the last answer. */
    public FrameFormatException frameError() {
        return frameError;
    }
}
