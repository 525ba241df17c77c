package io.meterbridge.link;

import com.fazecast.jSerialComm.SerialPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a serial port through jSerialComm the same way for every meter line (M-Bus, P1): checks
 * the path, resolves links, falls back to no parity where the port cannot keep it, and turns an
 * open that fails into a {@link PortUnavailableException} that says what to try.
 *
 * <p>A Linux pseudo-terminal (socat, ser2net, a simulator) cannot keep parity: the kernel drops
 * PARENB and re-applying the settings fails with EINVAL. A pty is recognised by its real path
 * ({@code /dev/pts/N}) and opened without parity, with a warning; other virtual ports that answer
 * EINVAL get the same fallback. The path is resolved on every open, so a
 * {@code /dev/serial/by-id/…} link finds an unplugged and replugged USB adapter again even if it
 * comes back as another ttyUSB.
 */
public final class SerialPorts {

    private static final Logger LOG = LoggerFactory.getLogger(SerialPorts.class);
    private static final int EINVAL = 22;
    private static final int EISDIR = 21;
    private static final int ENOTTY = 25;
    /** File type bits of st_mode (POSIX sys/stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    /** An open port and the parity it really got. */
    public record Opened(SerialPort port, Parity parity) {
    }

    private SerialPorts() {
    }

    /** True if {@code realPath} is a Unix98 pseudo-terminal. */
    public static boolean isPseudoTerminal(String realPath) {
        return realPath.startsWith("/dev/pts/") || realPath.equals("/dev/ptmx");
    }

    /**
     * Opens {@code path} with 8 data bits, 1 stop bit, {@code parity}, no flow control.
     *
     * @param device what the user plugs in, for the hints ("M-Bus adapter", "P1 cable")
     * @throws PortUnavailableException naming the problem (no such port, not a device, permission,
     *     busy, rejected settings) and what to try
     */
    public static Opened open(String path, int baud, Parity parity, String device) throws PortUnavailableException {
        Path p = Path.of(path);
        String real = path;
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (!windows) {
            if (!Files.exists(p)) {
                throw new PortUnavailableException(path, "no such serial port", "is the " + device
                        + " plugged in? List ports with: ls -l /dev/serial/by-id/ /dev/ttyUSB* /dev/ttyACM*");
            }
            try {
                real = p.toRealPath().toString();
            } catch (IOException e) {
                throw new PortUnavailableException(path, "cannot resolve the port's path: " + e.getMessage(),
                        "check the device link", e);
            }
            // before the permission check and before jSerialComm: a directory or a file opens (or
            // fails to lock) as if it were a port, and the errno that comes back (EISDIR, ENOTTY)
            // reads as a busy port
            String notADevice = notACharacterDevice(Path.of(real));
            if (notADevice != null) {
                throw new PortUnavailableException(path, notADevice + (real.equals(path) ? "" : " (" + real + ")")
                        + ", not a serial device", "give the " + device + "'s device: /dev/ttyUSB0, /dev/ttyACM0, "
                        + "/dev/serial/by-id/… (list them with: ls -l /dev/serial/by-id/ /dev/ttyUSB* /dev/ttyACM*)");
            }
            if (!Files.isReadable(Path.of(real)) || !Files.isWritable(Path.of(real))) {
                throw new PortUnavailableException(path, "permission denied on " + real,
                        "add your user to the group that owns it (usually dialout: sudo usermod -aG dialout $USER, "
                                + "then log in again)");
            }
        }
        Parity effective = parity;
        if (isPseudoTerminal(real) && parity != Parity.NONE) {
            LOG.warn("{} is a pseudo-terminal ({}), which cannot keep {} parity; using no parity. Fine for "
                    + "socat/ser2net links; the meter's own line still needs its parity.", path, real, name(parity));
            effective = Parity.NONE;
        }
        SerialPort sp = SerialPort.getCommPort(real);
        sp.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, jSerialComm(effective));
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        boolean opened = sp.openPort(0);
        if (!opened && sp.getLastErrorCode() == EINVAL && effective != Parity.NONE) {
            // virtual ports that are not /dev/pts (tty0tty, vendor bridges) reject parity the same way
            LOG.warn("{} rejects {} parity (EINVAL); using no parity, as on a pseudo-terminal", path, name(effective));
            effective = Parity.NONE;
            sp.setParity(SerialPort.NO_PARITY);
            opened = sp.openPort(0);
        }
        if (!opened) {
            throw openFailed(path, baud, effective, device, sp, windows || Files.exists(p));
        }
        return new Opened(sp, effective);
    }

    /**
     * What {@code real} is if it is not a character device ("is a directory", "is a regular
     * file", …), or null if it is one or its kind cannot be told. The file type comes from the
     * {@code unix:mode} attribute (Linux, macOS); where that view is missing, only directories and
     * regular files are recognised.
     */
    static String notACharacterDevice(Path real) {
        if (Files.isDirectory(real)) {
            return "is a directory";
        }
        if (Files.isRegularFile(real)) {
            return "is a regular file";
        }
        int type;
        try {
            type = (Integer) Files.getAttribute(real, "unix:mode") & S_IFMT;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            return null;
        }
        return switch (type) {
            case S_IFCHR -> null;
            case S_IFBLK -> "is a block device (a disk)";
            case S_IFIFO -> "is a named pipe (FIFO)";
            case S_IFSOCK -> "is a socket";
            default -> null;
        };
    }

    private static PortUnavailableException openFailed(String path, int baud, Parity parity, String device,
            SerialPort sp, boolean exists) {
        int errno = sp.getLastErrorCode();
        String problem;
        String hint;
        if (errno == 13 || errno == 1) {
            problem = "permission denied";
            hint = "add your user to the dialout group (sudo usermod -aG dialout $USER) and log in again";
        } else if (errno == EINVAL) {
            problem = "the port rejects " + baud + " Bd " + parity + " parity (EINVAL)";
            hint = "try parity none if this is a pseudo-terminal or network bridge";
        } else if (errno == EISDIR || errno == ENOTTY) {
            // caught before opening where the file type can be read; this is for the rest (Windows…)
            problem = errno == EISDIR ? "is a directory, not a serial device" : "is not a serial device (ENOTTY)";
            hint = "give the " + device + "'s device (/dev/ttyUSB0, /dev/serial/by-id/…, COM3)";
        } else if (!exists) {
            problem = "no such serial port";
            hint = "is the " + device + " plugged in? List ports with: ls -l /dev/serial/by-id/";
        } else {
            // jSerialComm takes an exclusive lock (flock) on open; a port someone else holds fails here,
            // with an errno that is not always EBUSY.
            problem = "port is busy or locked";
            hint = "another program has it open (another meterbridge, ModemManager, a terminal, ser2net); "
                    + "close it and try again";
        }
        return new PortUnavailableException(path, problem + " (errno " + errno + " at " + sp.getLastErrorLocation()
                + ")", hint);
    }

    static int jSerialComm(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }

    private static String name(Parity parity) {
        return parity.name().toLowerCase(Locale.ROOT);
    }
}
