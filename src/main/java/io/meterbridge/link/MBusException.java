package io.meterbridge.link;

import java.util.List;

/**
 * Something went wrong talking to a meter or a bus. The message names the bus, the address
 * and the cause, and says what to try.
 */
public class MBusException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String address;
    private List<LongFrame> partialTelegrams = List.of();

    public MBusException(String message, String address, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    public MBusException(String message, String address) {
        this(message, address, null);
    }

    /**
     * The telegrams of a multi-telegram readout that arrived intact before it failed, in order;
     * empty if it failed at the first telegram or was no readout. A reading that was taken is
     * never lost: the caller decides whether to publish them (they are valid RSP_UD frames,
     * but the meter's record set is incomplete).
     */
    public List<LongFrame> partialTelegrams() {
        return partialTelegrams;
    }

    /** Attaches the telegrams read before this failure (the bus master does, on a failed readout). */
    MBusException withPartialTelegrams(List<LongFrame> telegrams) {
        this.partialTelegrams = List.copyOf(telegrams);
        return this;
    }

    @Override
    public String getMessage() {
        int n = partialTelegrams.size();
        return n == 0 ? super.getMessage()
                : super.getMessage() + " (failed at telegram " + (n + 1) + "; the " + n + " telegram"
                        + (n == 1 ? "" : "s") + " read before are kept)";
    }

    /** The meter address concerned ({@code "1"}, {@code "829371332D2C4004"}), or null for the whole bus. */
    public String address() {
        return address;
    }
}
