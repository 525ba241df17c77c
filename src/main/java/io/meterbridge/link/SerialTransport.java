package io.meterbridge.link;

import com.fazecast.jSerialComm.SerialPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial port through jSerialComm: 300–38400 Bd, 8 data bits, 1 stop bit, parity as
 * configured (even on M-Bus).
 *
 * <p>Opened by {@link SerialPorts#open}: pseudo-terminals without parity, paths resolved on every
 * open so that a replugged USB adapter is found again.
 */
public final class SerialTransport implements Transport {

    private static final long POLL_NANOS = 500_000L;

    private final String path;
    private final int baud;
    private final Parity parity;
    private SerialPort port;
    private Parity effectiveParity;

    public SerialTransport(BusSettings settings) {
        this.path = settings.port();
        this.baud = settings.baud();
        this.parity = settings.parity();
    }

    @Override
    public synchronized void open() throws PortUnavailableException {
        if (port != null) {
            return;
        }
        SerialPorts.Opened opened = SerialPorts.open(path, baud, parity, "M-Bus adapter");
        // non-blocking reads with our own wait, see read()
        opened.port().setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        effectiveParity = opened.parity();
        port = opened.port();
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
     * Non-blocking reads with our own wait: on Linux jSerialComm's read timeouts are termios
     * VTIME, in tenths of a second, which would stretch every 187.5 ms EN 13757-2 timeout at
     * 2400 Bd to 200–300 ms and make a primary scan a third slower. Polling the input queue
     * every half millisecond while an answer is due costs little and keeps timeouts exact.
     */
    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        SerialPort sp = requireOpen();
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
        boolean gone = !Files.exists(Path.of(path));
        return new PortUnavailableException(path, what + (gone ? ": the device is gone (adapter unplugged?)" : ""),
                "it will be reopened on the next request when it is back");
    }

    @Override
    public String describe() {
        Parity pa = effectiveParity != null ? effectiveParity : parity;
        return path + " (" + baud + " Bd 8" + pa.name().charAt(0) + "1)";
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
