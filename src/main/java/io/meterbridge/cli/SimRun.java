package io.meterbridge.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How {@code simulate} runs a simulator: until Ctrl-C (or the hidden {@code --for} limit), with its
 * clean-up run exactly once, so that socat never outlives the command.
 */
final class SimRun {

    /** A body that can be stopped by interruption. */
    interface Body {
        void run() throws Exception;
    }

    private SimRun() {
    }

    /** What a status line says about a TCP server: where it listens and what a client connects to. */
    static String tcpWhere(InetAddress address, int port, String clientHint) {
        if (address.isAnyLocalAddress()) {
            return "TCP port " + port + " of every interface (" + clientHint + " HOST:" + port + ")";
        }
        return "TCP port " + port + " of " + address.getHostAddress() + " (" + clientHint + " " + host(address) + ":"
                + port + ")";
    }

    /** The address as a client writes it before {@code :PORT}; {@code HOST} for every interface. */
    static String host(InetAddress address) {
        return address.isAnyLocalAddress() ? "HOST"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /**
     * Runs {@code body} (or just waits when it is null) until it ends, Ctrl-C or {@code seconds}
     * (null: no limit), then {@code cleanup} once.
     */
    static void untilStopped(Integer seconds, Runnable cleanup, Body body) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean cleaned = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (cleaned.compareAndSet(false, true)) {
                cleanup.run();
            }
            stop.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Thread worker = null;
        Exception[] failure = new Exception[1];
        if (body != null) {
            worker = new Thread(() -> {
                try {
                    body.run();
                } catch (InterruptedException e) {
                    // stopped
                } catch (Exception e) {
                    failure[0] = e;
                } finally {
                    stop.countDown();
                }
            }, "simulate");
            worker.start();
        }
        if (seconds != null) {
            stop.await(seconds, TimeUnit.SECONDS);
        } else {
            stop.await();
        }
        if (worker != null) {
            worker.interrupt();
            worker.join();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook runs (or ran) anyway
        }
        hook.run();
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
