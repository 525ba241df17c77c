package io.meterbridge.link;

/**
 * A byte pipe to a bus: a serial port, a TCP connection to a gateway, or the in-process
 * simulator. Half-duplex M-Bus makes it a plain request/answer stream; the {@link BusMaster}
 * owns it and is the only one to call it, one thread at a time.
 *
 * <p>A transport that loses its device (USB adapter unplugged, connection dropped) throws
 * {@link PortUnavailableException} and opens again on the next {@link #open()}.
 */
public interface Transport extends AutoCloseable {

    /** Opens (or re-opens) the port if it is not open; does nothing if it is. */
    void open() throws PortUnavailableException;

    /** True while the port is open. */
    boolean isOpen();

    /** Sends all bytes; returns when they have been handed to the line. */
    void write(byte[] bytes) throws PortUnavailableException;

    /**
     * Reads what has arrived, waiting at most {@code timeoutNanos} for the first byte.
     *
     * @return the number of bytes read, 0 if none came in time
     */
    int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException;

    /** Throws away bytes that have arrived but not been read (late answers, echoes). */
    void discardInput() throws PortUnavailableException;

    /**
     * Human-readable name of the port, e.g. {@code /dev/ttyUSB0 (2400 Bd 8E1)}: with the settings in use once
     * it has been opened (ask after the first exchange to print them).
     */
    String describe();

    /** Closes the port; a later {@link #open()} opens it again. */
    @Override
    void close();
}
