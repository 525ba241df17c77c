package io.meterbridge.sim;

import io.meterbridge.link.Frame;
import io.meterbridge.link.LinkTiming;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link SimBus} as a slave side on a byte stream: the far end of a pty pair (through
 * any {@link Transport}, usually a {@link io.meterbridge.link.SerialTransport}) or TCP
 * connections, so real masters — meterbridge's, libmbus's tools, Node-RED — can read it.
 *
 * <p>Paced, it behaves like the line: it answers only after the request would have finished
 * arriving at the baud rate (11 bits per character), waits the slave's reply delay, and sends
 * the answer one character time per byte. If its port goes away it keeps trying to reopen it.
 */
public final class SimServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);

    private final SimBus bus;
    private final boolean paced;
    private final LinkTiming timing;
    private volatile boolean running = true;
    private volatile Thread thread;
    private final ServerSocket serverSocket;

    private SimServer(SimBus bus, boolean paced, int baud, ServerSocket serverSocket) {
        this.bus = bus;
        this.paced = paced;
        this.timing = new LinkTiming(baud, Duration.ZERO);
        this.serverSocket = serverSocket;
    }

    private SimServer start(Runnable body, String name) {
        thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Serves the bus on a transport (e.g. the simulator's end of a pty pair), in a daemon thread. */
    public static SimServer on(Transport transport, SimBus bus, boolean paced, int baud) {
        SimServer s = new SimServer(bus, paced, baud, null);
        return s.start(() -> s.serveTransport(transport), "mbus-sim " + transport.describe());
    }

    /** Serves the bus on a TCP port (0 for any free port) on the loopback or all interfaces. */
    public static SimServer tcp(int port, boolean loopbackOnly, SimBus bus, boolean paced, int baud)
            throws IOException {
        return tcp(loopbackOnly ? InetAddress.getLoopbackAddress() : null, port, bus, paced, baud);
    }

    /**
     * Serves the bus on a TCP port (0 for any free port) of {@code bind}: one interface's address, the
     * wildcard address (0.0.0.0, ::) or null for every interface. Anyone who reaches it can change meter
     * addresses, so callers default to the loopback.
     */
    public static SimServer tcp(InetAddress bind, int port, SimBus bus, boolean paced, int baud) throws IOException {
        ServerSocket socket = new ServerSocket(port, 4, bind);
        SimServer s = new SimServer(bus, paced, baud, socket);
        return s.start(s::acceptLoop, "mbus-sim tcp " + socket.getLocalSocketAddress());
    }

    /** The TCP port listened on, or -1 if not serving TCP. */
    public int tcpPort() {
        return serverSocket != null ? serverSocket.getLocalPort() : -1;
    }

    /** The address listened on (the wildcard address for every interface), or null if not serving TCP. */
    public InetAddress tcpAddress() {
        return serverSocket != null ? serverSocket.getInetAddress() : null;
    }

    /** A slave side's byte stream. */
    private interface Stream {
        int read(byte[] b, long timeoutNanos) throws IOException;

        void write(byte[] b, int off, int len) throws IOException;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = serverSocket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serveSocket(s), "mbus-sim client " + s.getRemoteSocketAddress());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("simulator TCP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serveSocket(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            serve(new Stream() {
                @Override
                public int read(byte[] b, long timeoutNanos) throws IOException {
                    s.setSoTimeout((int) Math.max(1, timeoutNanos / 1_000_000));
                    try {
                        int n = in.read(b);
                        if (n < 0) {
                            throw new IOException("connection closed");
                        }
                        return n;
                    } catch (SocketTimeoutException e) {
                        return 0;
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    out.flush();
                }
            });
        } catch (IOException e) {
            LOG.debug("simulator client left: {}", e.getMessage());
        }
    }

    private void serveTransport(Transport t) {
        boolean failing = false;
        while (running) {
            try {
                t.open();
                if (failing) {
                    LOG.info("simulator serving {} again", t.describe());
                    failing = false;
                }
                serve(new Stream() {
                    @Override
                    public int read(byte[] b, long timeoutNanos) throws IOException {
                        try {
                            return t.read(b, 0, b.length, timeoutNanos);
                        } catch (PortUnavailableException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        try {
                            t.write(java.util.Arrays.copyOfRange(b, off, off + len));
                        } catch (PortUnavailableException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    }
                });
            } catch (PortUnavailableException | IOException e) {
                t.close();
                if (running && !failing) {
                    LOG.warn("simulator cannot serve {}: {}; trying again every 100 ms", t.describe(), e.getMessage());
                    failing = true;
                }
                if (running) {
                    LockSupport.parkNanos(100_000_000L); // port gone: try again shortly
                }
            }
        }
        t.close();
    }

    private void serve(Stream stream) throws IOException {
        FrameAssembler assembler = new FrameAssembler();
        byte[] buffer = new byte[512];
        long firstByte = 0;
        long lastByte = 0;
        // Late answers (a fault) go out when their time comes while the slave side keeps listening,
        // as on a real bus where the master has long moved on to its retry.
        java.util.List<long[]> lateAt = new java.util.ArrayList<>();
        java.util.List<byte[]> lateBytes = new java.util.ArrayList<>();
        while (running) {
            long wait = 50_000_000L;
            for (int i = 0; i < lateAt.size(); i++) {
                long due = lateAt.get(i)[0] - System.nanoTime();
                if (due <= 0) {
                    send(stream, lateBytes.remove(i), System.nanoTime());
                    lateAt.remove(i);
                    i--;
                } else {
                    wait = Math.min(wait, due);
                }
            }
            int n = stream.read(buffer, wait);
            long now = System.nanoTime();
            if (n == 0) {
                if (assembler.inFrame() && now - lastByte > 20 * timing.charNanos() + 50_000_000L) {
                    assembler.reset(); // a half frame followed by silence: forget it, as a UART would
                }
                continue;
            }
            if (!assembler.inFrame()) {
                firstByte = now;
            }
            lastByte = now;
            for (FrameAssembler.Request received : assembler.add(buffer, 0, n)) {
                Frame request = received.frame();
                SimBus.Answer answer = bus.handle(request, timing.baud(), received.preamble());
                long requestEnd = paced ? Math.max(System.nanoTime(), firstByte + timing.wireNanos(request.wireLength()))
                        : System.nanoTime();
                firstByte = System.nanoTime();
                if (answer == null) {
                    continue;
                }
                long start = requestEnd + answer.lateNanos()
                        + (paced ? bus.replyDelayBits() * 1_000_000_000L / timing.baud() : 0);
                if (answer.lateNanos() > 0) {
                    lateAt.add(new long[] {start});
                    lateBytes.add(answer.bytes());
                } else {
                    send(stream, answer.bytes(), start);
                }
            }
        }
    }

    /** Writes the answer, paced: byte i is complete on the line at start + (i+1) character times. */
    private void send(Stream stream, byte[] bytes, long start) throws IOException {
        if (!paced) {
            sleepUntil(start);
            stream.write(bytes, 0, bytes.length);
            return;
        }
        int sent = 0;
        while (sent < bytes.length) {
            long due = start + (sent + 1) * timing.charNanos();
            sleepUntil(due);
            long now = System.nanoTime();
            int upTo = (int) Math.min(bytes.length, (now - start) / timing.charNanos());
            upTo = Math.max(upTo, sent + 1);
            stream.write(bytes, sent, upTo - sent);
            sent = upTo;
        }
    }

    private static void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void close() {
        running = false;
        if (serverSocket != null) {
            try {
                serverSocket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
