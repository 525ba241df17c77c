package io.meterbridge.camel.p1;

import com.fazecast.jSerialComm.SerialPort;
import io.meterbridge.link.Parity;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.SerialPorts;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.link.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port read as a continuous stream, for a meter that pushes a telegram every second.
 *
 * <p>Why not {@link SerialTransport}: that one is built for EN 13757-2 request/answer (300–38400 Bd,
 * exact sub-millisecond reply timeouts by polling the input queue), while P1 runs at 115200 Bd and
 * the line is idle most of the time; here a read blocks in the kernel until bytes arrive or the
 * timeout passes, so an idle P1 line costs no CPU. It is a {@link Transport}, so the same
 * {@link P1StreamReader} reads it and link's {@link io.meterbridge.link.TcpTransport} alike.
 *
 * <p>The path is resolved on every open, so a {@code /dev/serial/by-id/…} link finds a replugged USB
 * cable again, also when it comes back as another ttyUSB. Data Request (P1 pin 2) is raised through
 * DTR and RTS for cables that wire it to either; most wire it to 5 V themselves.
 */
final class P1SerialPort implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(P1SerialPort.class);

    private final String path;
    private final int baud;
    private final Parity parity;
    private SerialPort port;
    private Parity effectiveParity;
    private int timeoutMillis;

    /**
     * @param path   the device
     * @param baud   its baud rate
     * @param parity the parity set on the port (8 data bits, 1 stop bit)
     */
    P1SerialPort(String path, int baud, Parity parity) {
        this.path = path;
        this.baud = baud;
        this.parity = parity;
        this.effectiveParity = parity;
    }

    @Override
    public synchronized void open() throws PortUnavailableException {
        if (port != null) {
            return;
        }
        SerialPorts.Opened opened = SerialPorts.open(path, baud, parity, "P1 cable");
        SerialPort sp = opened.port();
        timeoutMillis = 1000;
        sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMillis, 0);
        sp.setDTR();
        sp.setRTS();
        effectiveParity = opened.parity();
        port = sp;
    }

    @Override
    public synchronized boolean isOpen() {
        return port != null;
    }

    @Override
    public void write(byte[] bytes) throws PortUnavailableException {
        SerialPort sp = requireOpen();
        if (sp.writeBytes(bytes, bytes.length) != bytes.length) {
            throw lost("write failed");
        }
    }

    /** Blocks in the kernel until bytes arrive or {@code timeoutNanos} (whole milliseconds) pass. */
    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        SerialPort sp = requireOpen();
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeoutNanos + 999_999) / 1_000_000));
        if (ms != timeoutMillis) {
            sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, ms, 0);
            timeoutMillis = ms;
        }
        int n = sp.readBytes(buffer, length, offset);
        if (n < 0) {
            throw lost("read failed");
        }
        return n;
    }

    @Override
    public void discardInput() throws PortUnavailableException {
        SerialPort sp = requireOpen();
        int available = sp.bytesAvailable();
        if (available < 0) {
            throw lost("port lost");
        }
        if (available > 0) {
            sp.readBytes(new byte[available], available);
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
        return new PortUnavailableException(path, what + (gone ? ": the device is gone (USB cable unplugged?)" : ""),
                "it is opened again when it is back");
    }

    @Override
    public String describe() {
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
