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

    /**
     * Wakes a meter's optical interface: sends 0x55 bytes at {@code baud} 8N1 for {@code length},
     * then returns to the line's own framing, once they have left the line. Battery meters keep
     * the optical eye's receiver off to save power; a preamble of 0x55 (alternating bits, a square
     * wave at half the baud rate) before every request wakes it — published firmware for such
     * meters sends 504 bytes (2.1 s at 2400 Bd) before every telegram and waits 100 ms.
     *
     * <p>This default sends the bytes at whatever framing the line has and waits their wire time,
     * for transports that cannot change it (a TCP gateway, the simulator).
     */
    default void wakeUp(int baud, java.time.Duration length) throws PortUnavailableException {
        long start = System.nanoTime();
        byte[] preamble = wakeUpPreamble(baud, length);
        write(preamble);
        java.util.concurrent.locks.LockSupport.parkNanos(start + wireNanos8N1(baud, preamble.length) - System.nanoTime());
    }

    /** The preamble: as many 0x55 bytes as fill {@code length} at {@code baud} 8N1 (10 bits a byte). */
    static byte[] wakeUpPreamble(int baud, java.time.Duration length) {
        byte[] preamble = new byte[(int) Math.max(1, length.toMillis() * baud / 10_000)];
        java.util.Arrays.fill(preamble, (byte) 0x55);
        return preamble;
    }

    /** Wire time of {@code bytes} characters of 10 bits (8N1). */
    static long wireNanos8N1(int baud, int bytes) {
        return bytes * 10L * 1_000_000_000L / baud;
    }

    /**
     * Changes the line's framing for what follows, once the bytes already written have left the
     * line: an optical protocol's own framing (KMP 1200 Bd 8N2), or the speed an IEC 62056-21
     * meter announced. A serial port switches its UART; this default does nothing, for transports
     * whose framing is the far end's business (a TCP gateway is set up on the gateway, the
     * simulator has none).
     *
     * @return true if the line now runs at {@code framing}, false if this transport cannot change it
     */
    default boolean reframe(Framing framing) throws PortUnavailableException {
        return false;
    }

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
