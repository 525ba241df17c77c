package io.meterbridge.camel.p1;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP P1 bridge (what ser2net or a Wi-Fi P1 dongle is to meterbridge) on a loopback port:
 * accepts the consumer's connection and writes telegram bytes to it. {@link #stop()} and
 * {@link #start()} take it away and bring it back on the same port, as a restarted bridge.
 */
final class TcpBridge implements AutoCloseable {

    private final int port;
    private ServerSocket server;
    private volatile Socket client;

    TcpBridge(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = s;
        Thread t = new Thread(() -> {
            try {
                client = s.accept();
            } catch (IOException e) {
                // closed before anyone connected
            }
        }, "tcp-bridge-accept");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until the consumer has connected. */
    void awaitClient(long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (client == null) {
            if (System.nanoTime() > end) {
                throw new AssertionError("nobody connected to the bridge on port " + port + " within " + seconds + " s");
            }
            Thread.sleep(10);
        }
    }

    void write(byte[] bytes) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Closes the connection and the listening socket. */
    synchronized void stop() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
