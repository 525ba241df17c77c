package io.meterbridge.link;

import com.fazecast.jSerialComm.SerialPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm: 300–38400 Bd, 8 data bits, 1 stop bit, parity as
 * configured (even on M-Bus).
 *
 * <p>A Linux pseudo-terminal (socat, ser2net, a simulator) cannot keep even parity: the kernel
 * drops PARENB and re-applying the settings fails with EINVAL. A pty is recognised by its real
 * path ({@code /dev/pts/N}) and opened without parity, with a warning.
 *
 * <p>The path is resolved on every open, so a {@code /dev/serial/by-id/…} link finds an
 * unplugged and replugged USB adapter again even if it comes back as another ttyUSB.
 */
public final class SerialTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SerialTransport.class);
    private static final long POLL_NANOS = 500_000L;

    private final String path;
    private final int baud;
    private final Parity parity;
    private SerialPort port;
    private Parity effectiveParity;
    private boolean warnedPty;

    public SerialTransport(BusSettings settings) {
        this.path = settings.port();
        this.baud = settings.baud();
        this.parity = settings.parity();
    }

    /** True if {@code realPath} is a Unix98 pseudo-terminal. */
    public static boolean isPseudoTerminal(String realPath) {
        return realPath.startsWith("/dev/pts/") || realPath.equals("/dev/ptmx");
    }

    @Override
    public synchronized void open() throws PortUnavailableException {
        if (port != null) {
            return;
        }
        Path p = Path.of(path);
        String real = path;
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (!windows) {
            if (!Files.exists(p)) {
                throw new PortUnavailableException(path, "no such serial port",
                        "is the M-Bus adapter plugged in? List ports with: ls -l /dev/serial/by-id/ /dev/ttyUSB* /dev/ttyACM*");
            }
            try {
                real = p.toRealPath().toString();
            } catch (IOException e) {
                throw new PortUnavailableException(path, "cannot resolve the port's path: " + e.getMessage(),
                        "check the device link", e);
            }
            if (!Files.isReadable(Path.of(real)) || !Files.isWritable(Path.of(real))) {
                throw new PortUnavailableException(path, "permission denied on " + real,
                        "add your user to the group that owns it (usually dialout: sudo usermod -aG dialout $USER, "
                                + "then log in again)");
            }
        }
        effectiveParity = parity;
        if (isPseudoTerminal(real) && parity != Parity.NONE) {
            if (!warnedPty) {
                LOG.warn("{} is a pseudo-terminal ({}), which cannot keep {} parity; using no parity. "
                        + "Fine for socat/ser2net links; a real M-Bus needs 8E1 on the hardware side.", path, real,
                        parity.name().toLowerCase(java.util.Locale.ROOT));
                warnedPty = true;
            }
            effectiveParity = Parity.NONE;
        }
        SerialPort sp = SerialPort.getCommPort(real);
        sp.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, switch (effectiveParity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        });
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        sp.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 0);
        boolean opened = sp.openPort(0);
        if (!opened && sp.getLastErrorCode() == 22 && effectiveParity != Parity.NONE) {
            // Some virtual ports that are not /dev/pts (tty0tty, vendor bridges) reject parity the same way.
            LOG.warn("{} rejects {} parity (EINVAL); using no parity, as on a pseudo-terminal", path,
                    effectiveParity.name().toLowerCase(java.util.Locale.ROOT));
            effectiveParity = Parity.NONE;
            sp.setParity(SerialPort.NO_PARITY);
            opened = sp.openPort(0);
        }
        if (!opened) {
            int errno = sp.getLastErrorCode();
            String problem;
            String hint;
            boolean exists = windows || Files.exists(p);
            if (errno == 13 || errno == 1) {
                problem = "permission denied";
                hint = "add your user to the dialout group (sudo usermod -aG dialout $USER) and log in again";
            } else if (errno == 22) {
                problem = "the port rejects " + baud + " Bd " + effectiveParity + " parity (EINVAL)";
                hint = "try --parity none if this is a pseudo-terminal or network bridge";
            } else if (!exists) {
                problem = "no such serial port";
                hint = "is the M-Bus adapter plugged in? List ports with: ls -l /dev/serial/by-id/";
            } else {
                // jSerialComm takes an exclusive lock (flock) on open; a port someone else holds fails here,
                // with an errno that is not always EBUSY.
                problem = "port is busy or locked";
                hint = "another program has it open (another meterbridge, ModemManager, a terminal, ser2net); "
                        + "close it and try again";
            }
            throw new PortUnavailableException(path, problem + " (errno " + errno + " at " + sp.getLastErrorLocation()
                    + ")", hint);
        }
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
