package io.meterbridge.sim;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Framing;
import io.meterbridge.link.Parity;
import io.meterbridge.link.PortUnavailableException;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.link.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a simulated meter's optical eye ({@link OpticalEye}) on a byte stream: the far end of a
 * pty pair (through a {@link Transport}) or TCP connections, so that {@code meterbridge read --kmp}
 * or {@code --iec62056}, or any other reader, can read it as through an IR head.
 *
 * <p>Paced like the line: a request has arrived only after its wire time at the speed the meter
 * listens at, each burst of the meter's starts after its delay, and its bytes leave one character
 * time apart at the burst's own framing (KMP 1200 Bd 8N2, 11 bits a character; IEC 62056-21 300 Bd
 * 7E1 and then the speed the meter switched to, 10 bits). Neither a pty nor TCP carries a baud rate,
 * so the speed is the eye's: what it listens at and what each burst says, which is the meter's
 * protocol state (an ULTRAHEAT is back at 300 Bd once its data block is out). A late answer goes out
 * when its time comes while the meter keeps listening. If its port goes away it keeps trying to
 * reopen it.
 */
public final class OpticalSimServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpticalSimServer.class);
    /** Silence after which a half-heard request is forgotten, as a meter's receiver does. */
    private static final long FORGET_NANOS = 500_000_000L;

    private final OpticalEye eye;
    private final ServerSocket serverSocket;
    /** The pty pair {@link #pty} made, closed with the server; null otherwise. */
    private final PtyLink ptyLink;
    private volatile boolean running = true;
    private volatile Thread thread;

    private OpticalSimServer(OpticalEye eye, ServerSocket serverSocket, PtyLink ptyLink) {
        this.eye = eye;
        this.serverSocket = serverSocket;
        this.ptyLink = ptyLink;
    }

    private OpticalSimServer start(Runnable body, String name) {
        thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Serves the eye on a transport (the simulator's end of a pty pair), in a daemon thread. */
    public static OpticalSimServer on(Transport transport, OpticalEye eye) {
        return on(transport, eye, null);
    }

    private static OpticalSimServer on(Transport transport, OpticalEye eye, PtyLink ptyLink) {
        OpticalSimServer s = new OpticalSimServer(eye, null, ptyLink);
        return s.start(() -> s.serveTransport(transport), "optical-sim " + transport.describe());
    }

    /**
     * Makes a pty pair whose reader's end is {@code link} and serves the eye on the other end; the
     * pair goes when the server is closed.
     *
     * @throws IOException if socat is missing or does not come up, with what to do
     */
    public static OpticalSimServer pty(Path link, OpticalEye eye) throws IOException {
        Path dir = Files.createTempDirectory("meterbridge-sim");
        dir.toFile().deleteOnExit(); // empty by then: socat removes its links when it stops
        PtyLink pair = PtyLink.open(link, dir.resolve("slave"));
        return on(new SerialTransport(BusSettings.of(pair.slaveSide().toString())
                .withBaud(eye.listening().baud()).withParity(Parity.NONE)), eye, pair);
    }

    /** Serves the eye on a TCP port (0: any free port) of {@code bind}, or of every interface if null. */
    public static OpticalSimServer tcp(InetAddress bind, int port, OpticalEye eye) throws IOException {
        ServerSocket socket = new ServerSocket(port, 4, bind);
        OpticalSimServer s = new OpticalSimServer(eye, socket, null);
        return s.start(s::acceptLoop, "optical-sim tcp " + socket.getLocalSocketAddress());
    }

    /** The TCP port listened on, or -1 if not serving TCP. */
    public int tcpPort() {
        return serverSocket != null ? serverSocket.getLocalPort() : -1;
    }

    /** The address listened on (the wildcard address for every interface), or null if not serving TCP. */
    public InetAddress tcpAddress() {
        return serverSocket != null ? serverSocket.getInetAddress() : null;
    }

    /** The meter's side of the line. */
    private interface Stream {
        /** Reads what has come, waiting at most {@code timeoutNanos}; 0 if nothing came. */
        int read(byte[] b, long timeoutNanos) throws IOException;

        void write(byte[] b, int off, int len) throws IOException;
    }

    /** A burst due to start at {@code start} (nanoTime). */
    private record Due(long start, OpticalEye.Burst burst) {
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = serverSocket.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serveSocket(s), "optical-sim client " + s.getRemoteSocketAddress());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("optical simulator TCP accept failed: {}", e.getMessage());
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
            LOG.debug("optical simulator client left: {}", e.getMessage());
        }
    }

    private void serveTransport(Transport t) {
        boolean failing = false;
        while (running) {
            try {
                t.open();
                if (failing) {
                    LOG.info("optical simulator serving {} again", t.describe());
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
                            t.write(Arrays.copyOfRange(b, off, off + len));
                        } catch (PortUnavailableException e) {
                            throw new IOException(e.getMessage(), e);
                        }
                    }
                });
            } catch (PortUnavailableException | IOException e) {
                t.close();
                eye.reset();
                if (running && !failing) {
                    LOG.warn("optical simulator cannot serve {}: {}; trying again every 100 ms", t.describe(), e.getMessage());
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
        byte[] buffer = new byte[512];
        List<Due> due = new ArrayList<>();
        long heardUntil = 0; // when what was heard so far has finished arriving on a real line
        long lastByte = 0;
        boolean heard = false;
        while (running) {
            long now = System.nanoTime();
            long wait = 50_000_000L;
            while (!due.isEmpty() && due.get(0).start() <= now) {
                send(stream, due.remove(0));
                now = System.nanoTime();
            }
            if (!due.isEmpty()) {
                wait = Math.min(wait, due.get(0).start() - now);
            }
            int n = stream.read(buffer, Math.max(1, wait));
            now = System.nanoTime();
            if (n == 0) {
                if (heard && now - lastByte > FORGET_NANOS) {
                    eye.reset();
                    heard = false;
                }
                continue;
            }
            heard = true;
            lastByte = now;
            Framing listening = eye.listening();
            heardUntil = Math.max(now, heardUntil) + listening.wireNanos(n);
            long t = heardUntil;
            for (OpticalEye.Burst b : eye.hear(Arrays.copyOf(buffer, n), listening)) {
                t += b.delay().toNanos();
                due.add(new Due(t, b));
                t += b.framing().wireNanos(b.bytes().length);
            }
            due.sort((a, b) -> Long.compare(a.start(), b.start()));
        }
    }

    /** Writes a burst paced at its framing: byte i is complete on the line at start + (i+1) character times. */
    private void send(Stream stream, Due d) throws IOException {
        byte[] bytes = d.burst().bytes();
        Framing f = d.burst().framing();
        long start = Math.max(d.start(), System.nanoTime());
        int sent = 0;
        while (sent < bytes.length && running) {
            sleepUntil(start + f.wireNanos(sent + 1));
            int upTo = sent + 1;
            long now = System.nanoTime();
            while (upTo < bytes.length && start + f.wireNanos(upTo + 1) <= now) {
                upTo++;
            }
            stream.write(bytes, sent, upTo - sent);
            sent = upTo;
        }
    }

    private void sleepUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0 && running) {
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
        if (ptyLink != null) {
            ptyLink.close();
        }
    }
}
