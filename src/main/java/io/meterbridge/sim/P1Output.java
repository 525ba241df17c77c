package io.meterbridge.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a simulated P1 meter's telegrams go, as a real meter or P1 dongle would deliver them:
 * every client of a TCP server, a Linux pseudo-terminal (through socat), or a plain stream.
 *
 * <p>A meter pushes its telegram on schedule whether or not anyone reads (the P1 port has no flow
 * control: while the request line is raised, the meter sends), so on TCP and on the pty {@link #write} never blocks: each reader
 * has a queue of {@value #QUEUE_TELEGRAMS} telegrams, and a reader that falls further behind loses
 * whole telegrams (counted in {@link #dropped()}). A stream output (file, stdout) writes in the
 * caller's thread and may block.
 *
 * <ul>
 *   <li>TCP: any number of clients; each receives every telegram written after it connected,
 *       starting at a telegram boundary; bytes clients send are ignored; a client that closes or
 *       fails is forgotten.
 *   <li>pty: {@code socat pty,raw,echo=0,link=PATH pty,raw,echo=0,link=…} — a consumer opens
 *       {@code PATH} as a serial port. Baud rate and data bits are ignored by a pty, and setting
 *       parity fails with EINVAL, so a consumer there must fall back to no parity. Telegrams
 *       written while nobody has {@code PATH} open wait in the pty's buffers, so a consumer that
 *       opens it late first reads older telegrams, possibly starting part-way through one and not
 *       always all of them (what the kernel and socat keep for an unopened pty is theirs to
 *       decide; seen under load). {@link #close()} kills socat, which to the consumer looks like a
 *       cable pulled; opening a new pty output on the same path is the cable plugged back.
 * </ul>
 */
public final class P1Output implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(P1Output.class);

    /** Telegrams a reader may lag behind before it loses the oldest. */
    public static final int QUEUE_TELEGRAMS = 16;

    private final String description;
    private final OutputStream stream;
    private final ServerSocket server;
    private final PtyLink pty;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;

    private P1Output(String description, OutputStream stream, ServerSocket server, PtyLink pty) {
        this.description = description;
        this.stream = stream;
        this.server = server;
        this.pty = pty;
    }

    /** Writes to {@code out} in the caller's thread; {@link #close()} closes it unless it is {@code System.out}. */
    public static P1Output stream(OutputStream out, String description) {
        return new P1Output(description, out, null, null);
    }

    /**
     * A TCP server on {@code port} (0: any free port, see {@link #tcpPort()}), on the loopback
     * interface or all interfaces, that streams every telegram to every connected client.
     */
    public static P1Output tcp(int port, boolean loopbackOnly) throws IOException {
        return tcp(loopbackOnly ? InetAddress.getLoopbackAddress() : null, port);
    }

    /**
     * A TCP server on {@code port} (0: any free port, see {@link #tcpPort()}) of {@code bind} — one
     * interface's address, the wildcard address (0.0.0.0, ::) or null for every interface — that streams
     * every telegram to every connected client.
     */
    public static P1Output tcp(InetAddress bind, int port) throws IOException {
        ServerSocket s = new ServerSocket(port, 16, bind);
        P1Output out = new P1Output("TCP port " + s.getLocalPort(), null, s, null);
        Thread accept = new Thread(out::acceptLoop, "p1-sim tcp " + s.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return out;
    }

    /**
     * A pseudo-terminal pair made by socat: the consumer opens {@code link}; the simulator writes
     * to the other end.
     *
     * @throws IOException if socat is missing or does not come up, with what to do
     */
    public static P1Output pty(Path link) throws IOException {
        Path dir = Files.createTempDirectory("meterbridge-p1");
        dir.toFile().deleteOnExit(); // empty by then: socat removes its link when it stops
        Path simSide = dir.resolve("meter");
        PtyLink pair = PtyLink.open(link, simSide);
        try {
            P1Output out = new P1Output(link.toString(), null, null, pair);
            out.readers.add(new Reader(out, Files.newOutputStream(simSide), "pty " + link));
            return out;
        } catch (IOException e) {
            pair.close();
            throw e;
        }
    }

    /** Where the telegrams go, for messages: {@code "TCP port 4000"}, the pty path, or the stream's description. */
    public String describe() {
        return description;
    }

    /** The TCP port listened on, or -1 if this is no TCP output. */
    public int tcpPort() {
        return server != null ? server.getLocalPort() : -1;
    }

    /** The address listened on (the wildcard address for every interface), or null if this is no TCP output. */
    public InetAddress tcpAddress() {
        return server != null ? server.getInetAddress() : null;
    }

    /** Connected TCP clients (0 for other outputs). */
    public int clients() {
        return server != null ? readers.size() : 0;
    }

    /** Waits until at least {@code n} TCP clients are connected; false if the timeout passed first. */
    public boolean awaitClients(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clients() < n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Telegrams lost so far because a reader did not keep up (or a pty had nobody reading and was full). */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Sends one telegram (or any bytes: a fault's noise) to every reader; on TCP and the pty
     * without blocking.
     *
     * @throws IOException only for a stream output whose write fails
     */
    public void write(byte[] telegram) throws IOException {
        if (stream != null) {
            stream.write(telegram);
            stream.flush();
            return;
        }
        for (Reader r : readers) {
            r.offer(telegram.clone());
        }
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                s.shutdownInput(); // a meter does not listen (DSMR's request line is a wire, not data)
                Reader reader = new Reader(this, s.getOutputStream(), "client " + s.getRemoteSocketAddress());
                readers.add(reader);
                if (!open) { // close() ran while this client was being accepted: it would poll forever
                    readers.remove(reader);
                    reader.stop();
                }
            } catch (IOException e) {
                if (open) {
                    LOG.warn("P1 simulator TCP accept failed: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            if (server != null) {
                server.close();
            }
            if (stream != null && stream != System.out) {
                stream.close();
            }
        } catch (IOException e) {
            LOG.debug("closing P1 output {}: {}", description, e.getMessage());
        }
        if (pty != null) {
            pty.close(); // first, so that a write blocked on a full pty fails instead of hanging
        }
        for (Reader r : readers) {
            r.stop();
        }
        readers.clear();
    }

    /** One reader's queue and the thread that writes it, so a slow reader never holds up the meter. */
    private static final class Reader {
        private final P1Output owner;
        private final OutputStream out;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_TELEGRAMS);
        private final Thread thread;
        private volatile boolean running = true;

        Reader(P1Output owner, OutputStream out, String name) {
            this.owner = owner;
            this.out = out;
            this.thread = new Thread(this::run, "p1-sim " + name);
            thread.setDaemon(true);
            thread.start();
        }

        void offer(byte[] telegram) {
            while (!queue.offer(telegram)) {
                if (queue.poll() != null) { // the oldest goes, as on a line nobody was listening to
                    owner.dropped.incrementAndGet();
                }
            }
        }

        private void run() {
            try {
                while (running) {
                    byte[] t = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (t != null) {
                        out.write(t);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                LOG.debug("P1 reader left: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                owner.readers.remove(this);
                try {
                    out.close();
                } catch (IOException ignored) {
                    // leaving anyway
                }
            }
        }

        void stop() {
            running = false;
            try {
                out.close(); // unblocks a write to a client that stopped reading
            } catch (IOException ignored) {
                // stopping anyway
            }
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
