package io.meterbridge.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A TCP connection to an M-Bus/Ethernet gateway or a ser2net port ({@code tcp:host:port}),
 * with a connect timeout and per-read timeouts. A dropped connection is reported and
 * re-established on the next request.
 */
public final class TcpTransport implements Transport {

    private final String name;
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(String name, String host, int port, Duration connectTimeout) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
    }

    /** Parses {@code tcp:host:port} (also {@code tcp:[v6]:port}). */
    public static TcpTransport of(BusSettings settings) throws PortUnavailableException {
        String spec = settings.port().substring("tcp:".length());
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new PortUnavailableException(settings.port(), "expected tcp:host:port", "e.g. tcp:192.168.1.20:10001");
        }
        String host = spec.substring(0, colon).replace("[", "").replace("]", "");
        int p;
        try {
            p = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new PortUnavailableException(settings.port(), "expected a TCP port number, found \""
                    + spec.substring(colon + 1) + "\"", "e.g. tcp:192.168.1.20:10001");
        }
        if (p < 1 || p > 65535) {
            throw new PortUnavailableException(settings.port(), "TCP port must be 1–65535, found " + p, "");
        }
        return new TcpTransport(settings.port(), host, p, settings.connectTimeout());
    }

    @Override
    public synchronized void open() throws PortUnavailableException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket = s;
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to release
            }
            throw new PortUnavailableException(name, "cannot connect to " + host + ":" + port + ": " + e.getMessage(),
                    "check that the gateway or ser2net is running and reachable", e);
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return socket != null;
    }

    @Override
    public void write(byte[] bytes) throws PortUnavailableException {
        requireOpen();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw lost("write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long timeoutNanos) throws PortUnavailableException {
        requireOpen();
        try {
            socket.setSoTimeout((int) Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw lost("the gateway closed the connection", null);
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw lost("read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void discardInput() throws PortUnavailableException {
        requireOpen();
        try {
            int n;
            while ((n = in.available()) > 0) {
                in.skipNBytes(n);
            }
        } catch (IOException e) {
            throw lost("read failed: " + e.getMessage(), e);
        }
    }

    private void requireOpen() throws PortUnavailableException {
        if (socket == null) {
            throw new PortUnavailableException(name, "not connected", "");
        }
    }

    private PortUnavailableException lost(String what, Exception cause) {
        close();
        return new PortUnavailableException(name, what, "it will reconnect on the next request", cause);
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
