package io.meterbridge.link;

import com.fazecast.jSerialComm.SerialPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial port through jSerialComm, 8 data bits, 1 stop bit, parity as configured: an M-Bus
 * line (300–38400 Bd, even parity, request/answer with exact reply timeouts) or, made by
 * {@link #stream}, a line on which the meter pushes its data (P1 at 115200 Bd).
 *
 * <p>Opened by {@link SerialPorts#open}: pseudo-terminals without parity, paths resolved on every
 * open so that a replugged USB adapter is found again.
 */
public final class SerialTransport implements Transport {

    private static final long POLL_NANOS = 500_000L;

    private final String path;
    private final int baud;
    private final Parity parity;
    private final String device;
    /** Meter pushes a stream (P1): reads block in the kernel; else request/answer (M-Bus): polled. */
    private final boolean stream;
    private SerialPort port;
    private volatile Parity effectiveParity;
    /** Set by {@link #reframe}: the framing in use when it is not the one the port was opened with. */
    private volatile Framing framing;
    private int blockingTimeoutMillis;

    /** An M-Bus line: request/answer, exact reply timeouts (see {@link #read}). */
    public SerialTransport(BusSettings settings) {
        this(settings.port(), settings.baud(), settings.parity(), "M-Bus adapter", false);
    }

    private SerialTransport(String path, int baud, Parity parity, String device, boolean stream) {
        this.path = path;
        this.baud = baud;
        this.parity = parity;
        this.device = device;
        this.stream = stream;
    }

    /**
     * A line on which the meter pushes its data (P1, any baud rate): a read blocks in the kernel
     * until bytes arrive or its timeout passes, so an idle line costs no CPU, and Data Request (P1
     * pin 2) is raised through DTR and RTS for cables that wire it to either.
     *
     * @param device what the user plugs in, for messages ("P1 cable")
     */
    public static SerialTransport stream(String path, int baud, Parity parity, String device) {
        return new SerialTransport(path, baud, parity, device, true);
    }

    @Override
    public synchronized void open() throws PortUnavailableException {
        if (port != null) {
            return;
        }
        SerialPorts.Opened opened = SerialPorts.open(path, baud, parity, device);
        SerialPort sp = opened.port();
        if (stream) {
            blockingTimeoutMillis = 1000;
            sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, blockingTimeoutMillis, 0);
            sp.setDTR();
            sp.setRTS();
        } else {
            // non-blocking reads with our own wait, see read()
            sp.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        }
        effectiveParity = opened.parity();
        framing = null;
        port = sp;
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null;
    }

    @Override
    public void write(byte[] bytes) throws PortUnavailableException {
        SerialPort sp = requireOpen();
        int n = sp.writeBytes(bytes, bytes.length);
        if (n != bytes.length) {
            throw lost("write failed (" + n + " of " + bytes.length + " bytes)");
        }
    }

    /**
     * On an M-Bus line, non-blocking reads with our own wait: on Linux jSerialComm's read timeouts
     * are termios VTIME, in tenths of a second, which would stretch every 187.5 ms EN 13757-2
     * timeout at 2400 Bd to 200–300 ms and make a primary scan a third slower. Polling the input
     * queue every half millisecond while an answer is due costs little and keeps timeouts exact.
     * On a stream line, where that precision is not needed, the read blocks in the kernel.
     */
    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        SerialPort sp = requireOpen();
        if (stream) {
            return readBlocking(sp, buffer, offset, length, timeoutNanos);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int available = sp.bytesAvailable();
            if (available < 0) {
                throw lost("read failed");
            }
            if (available > 0) {
                int n = sp.readBytes(buffer, Math.min(available, length), offset);
                if (n < 0) {
                    throw lost("read failed");
                }
                if (n > 0) {
                    return n;
                }
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return 0;
            }
            LockSupport.parkNanos(Math.min(wait, POLL_NANOS));
        }
    }

    /** Blocks in the kernel until bytes arrive or {@code timeoutNanos} (whole milliseconds) pass. */
    private int readBlocking(SerialPort sp, byte[] buffer, int offset, int length, long timeoutNanos)
            throws PortUnavailableException {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeoutNanos + 999_999) / 1_000_000));
        if (ms != blockingTimeoutMillis) {
            sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, ms, 0);
            blockingTimeoutMillis = ms;
        }
        int n = sp.readBytes(buffer, length, offset);
        if (n < 0) {
            throw lost("read failed");
        }
        return n;
    }

    /**
     * Sends the preamble at 8N1 and switches back to the line's parity once the UART has sent
     * its last byte: switching earlier would change the framing of bytes still on their way.
     * A pseudo-terminal has no framing to switch; its bytes are sent all the same.
     */
    @Override
    public void wakeUp(int baud, java.time.Duration length) throws PortUnavailableException {
        open();
        byte[] preamble = Transport.wakeUpPreamble(baud, length);
        SerialPort sp;
        synchronized (this) {
            sp = port;
        }
        boolean reframe = effectiveParity != Parity.NONE;
        if (reframe) {
            sp.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        }
        long start = System.nanoTime();
        write(preamble);
        // the kernel's and the adapter's buffers: wait the wire time, then for what is still queued
        long done = start + Transport.wireNanos8N1(baud, preamble.length);
        LockSupport.parkNanos(done - System.nanoTime());
        for (int i = 0; i < 100 && sp.bytesAwaitingWrite() > 0; i++) {
            LockSupport.parkNanos(5_000_000L);
        }
        if (reframe) {
            sp.setComPortParameters(this.baud, 8, SerialPort.ONE_STOP_BIT, SerialPorts.jSerialComm(effectiveParity));
        }
    }

    /**
     * Switches the UART once the bytes already written have left it. A pseudo-terminal keeps no
     * parity (see {@link SerialPorts}): its framing is switched without parity, bytes pass all the same.
     */
    @Override
    public boolean reframe(Framing framing) throws PortUnavailableException {
        SerialPort sp = requireOpen();
        for (int i = 0; i < 200 && sp.bytesAwaitingWrite() > 0; i++) {
            LockSupport.parkNanos(5_000_000L);
        }
        Parity p = effectiveParity == Parity.NONE && parity != Parity.NONE ? Parity.NONE : framing.parity();
        boolean set = sp.setComPortParameters(framing.baud(), framing.dataBits(),
                framing.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, SerialPorts.jSerialComm(p));
        if (!set) {
            throw lost("the port rejects " + framing);
        }
        this.framing = new Framing(framing.baud(), framing.dataBits(), p, framing.stopBits());
        return true;
    }

    @Override
    public void discardInput() throws PortUnavailableException {
        SerialPort sp = requireOpen();
        int available = sp.bytesAvailable();
        if (available < 0) {
            throw lost("port lost");
        }
        if (available > 0) {
            byte[] junk = new byte[available];
            sp.readBytes(junk, available);
        }
    }

    private synchronized SerialPort requireOpen() throws PortUnavailableException {
        if (port == null) {
            throw new PortUnavailableException(path, "port is not open", "");
        }
        return port;
    }

    private PortUnavailableException lost(String what) {
        close();
        boolean gone = !System.getProperty("os.name", "").startsWith("Windows") && !Files.exists(Path.of(path));
        return new PortUnavailableException(path, what + (gone ? ": the device is gone (" + device + " unplugged?)" : ""),
                "it is opened again when it is back");
    }

    /**
     * Once opened, the framing in use: a pseudo-terminal runs 8N1 whatever parity was asked for. Before the
     * first open nobody knows yet, so the parity asked for is shown as such rather than passed off as the one
     * in use (which is how {@code read} once printed 8E1 over a pty while warning that it used none).
     */
    @Override
    public String describe() {
        Framing f = framing;
        if (f != null) {
            return path + " (" + f + ")";
        }
        if (effectiveParity == null) {
            return path + " (" + baud + " Bd 8" + parity.name().charAt(0) + "1 asked for, not open yet)";
        }
        return path + " (" + baud + " Bd 8" + effectiveParity.name().charAt(0) + "1)";
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
