package io.meterbridge.link;

/**
 * Something went wrong talking to a meter or a bus. The message names the bus, the address
 * and the cause, and says what to try.
 */
public class MBusException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String address;

    public MBusException(String message, String address, Throwable cause) {
        super(message, cause);
        this.address = address;
    }

    public MBusException(String message, String address) {
        this(message, address, null);
    }

    /** The meter address concerned ({@code "1"}, {@code "829371332D2C4004"}), or null for the whole bus. */
    public String address() {
        return address;
    }
}
