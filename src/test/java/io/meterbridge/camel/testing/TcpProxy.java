package io.meterbridge.camel.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the service and a broker that a test uses to break the network the way a
 * real one breaks: {@link #cut} resets every connection (RST, no MQTT DISCONNECT, whatever is in
 * flight is lost), {@link #down} also refuses new ones until {@link #up}, and
 * {@link #holdReplies} lets the client's packets through but swallows the broker's (so a PUBLISH
 * reaches the broker and its PUBREC never comes back) — the window in which a resend can make a
 * duplicate.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean holdReplies;
    private volatile boolean silent;
    private volatile ServerSocket server;
    private Thread acceptor;

    public TcpProxy(int target) throws IOException {
        this.port = ServiceHome.freePort();
        this.target = target;
        up();
    }

    /** {@code tcp://127.0.0.1:<proxy port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Accepts connections (again). */
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        acceptor = new Thread(() -> accept(s), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on the broker's bytes are dropped, the client's still forwarded. */
    public void holdReplies() {
        holdReplies = true;
    }

    /** Forward both ways again (new connections always start forwarding both ways). */
    public void releaseReplies() {
        holdReplies = false;
    }

    /**
     * While on, new connections are accepted and then left unanswered, never passed on to the
     * broker: a broker that hangs after accepting. They stay open until {@link #cut}.
     */
    public void silent(boolean on) {
        silent = on;
    }

    /** Resets every open connection (RST); new connections are accepted. */
    public void cut() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0); // close sends RST, not FIN
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        sockets.clear();
        holdReplies = false;
    }

    /** Resets every connection and refuses new ones until {@link #up}. */
    public synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        cut();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                if (silent) {
                    sockets.add(client);
                    continue;
                }
                Socket broker;
                try {
                    broker = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException e) {
                    client.setSoLinger(true, 0);
                    client.close(); // broker not there: the client sees the connection fail
                    continue;
                }
                holdReplies = false;
                sockets.add(client);
                sockets.add(broker);
                pump(client, broker, false);
                pump(broker, client, true);
            } catch (IOException e) {
                return; // server socket closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean reply) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (!(reply && holdReplies)) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (SocketException e) {
                // reset or closed
            } catch (IOException e) {
                // closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-" + (reply ? "reply" : "request") + "-" + port);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
