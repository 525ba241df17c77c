package io.meterbridge.cli;

import static io.meterbridge.cli.BusCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate --tcp} (M-Bus and {@code --p1}) listens on the loopback unless {@code --bind} says
 * otherwise: checked as a neighbour on the network would see it, by connecting to 127.0.0.2, which a
 * socket bound to 127.0.0.1 does not answer.
 */
class SimulateTcpBindTest {

    private static final Pattern PORT = Pattern.compile("TCP port (\\d+) of ");

    @Test
    void mbusListensOnTheLoopbackOnlyByDefault() throws Exception {
        InetAddress lan = lanAddress();
        Background sim = Background.start("simulate", "--tcp", "0", "--for", "3");
        String status = sim.awaitOutput("Ctrl-C");
        int port = port(status);
        assertTrue(status.startsWith("simulated M-Bus on TCP port " + port + " of 127.0.0.1 (read it with --tcp "
                + "127.0.0.1:" + port + ")"), status);
        Run read = new Run(run("read", "--tcp", "127.0.0.1:" + port, "--address", "89", "--baud", "2400", "--json"));
        assertEquals(0, read.exit, read.err);
        assertEquals(2, read.out.strip().lines().count(), read.out);
        assertRefused(lan, port);
        sim.awaitEnd();
    }

    @Test
    void mbusOnEveryInterfaceWithBind() throws Exception {
        InetAddress lan = lanAddress();
        Background sim = Background.start("simulate", "--tcp", "0", "--bind", "0.0.0.0", "--for", "3");
        String status = sim.awaitOutput("Ctrl-C");
        int port = port(status);
        assertTrue(status.startsWith("simulated M-Bus on TCP port " + port + " of every interface (read it with "
                + "--tcp HOST:" + port + ")"), status);
        Run read = new Run(run("read", "--tcp", lan.getHostAddress() + ":" + port, "--address", "1"));
        assertEquals(0, read.exit, read.err);
        assertTrue(read.out.contains("Kamstrup MULTICAL 303, 1 telegram"), read.out);
        sim.awaitEnd();
    }

    @Test
    void p1ListensOnTheLoopbackOnlyByDefaultAndOnABoundAddressWhenAsked() throws Exception {
        InetAddress lan = lanAddress();
        Background local = Background.start("simulate", "--p1", "--tcp", "0", "--interval", "0.2", "--for", "3");
        String status = local.awaitOutput("Ctrl-C");
        int port = port(status);
        assertTrue(status.startsWith("simulated P1 meter (DSMR_5) on TCP port " + port + " of 127.0.0.1 (connect to "
                + "127.0.0.1:" + port + "), a telegram every 0.2 s"), status);
        assertTelegramArrives(InetAddress.getLoopbackAddress(), port);
        assertRefused(lan, port);
        local.awaitEnd();

        Background bound = Background.start("simulate", "--p1", "--tcp", "0", "--bind", lan.getHostAddress(),
                "--interval", "0.2", "--for", "3");
        status = bound.awaitOutput("Ctrl-C");
        port = port(status);
        assertTrue(status.contains("on TCP port " + port + " of " + lan.getHostAddress() + " (connect to "
                + lan.getHostAddress() + ":" + port + ")"), status);
        assertTelegramArrives(lan, port);
        assertRefused(InetAddress.getLoopbackAddress(), port);
        bound.awaitEnd();
    }

    @Test
    void bindWithoutTcpOrToANameThatDoesNotResolveIsAUsageError() {
        Run pty = new Run(run("simulate", "--pty", "/tmp/unused-ttyMBUS", "--bind", "0.0.0.0", "--for", "1"));
        assertEquals(2, pty.exit, pty.err);
        assertTrue(pty.err.contains("--bind needs --tcp"), pty.err);
        Run bad = new Run(run("simulate", "--p1", "--tcp", "0", "--bind", "no-such-host.invalid", "--for", "1"));
        assertEquals(2, bad.exit, bad.err);
        assertTrue(bad.err.contains("--bind: expected an IP address (127.0.0.1, 0.0.0.0, ::) or a host name of this "
                + "machine, found \"no-such-host.invalid\""), bad.err);
    }

    @Test
    void helpSaysWhereTcpListens() {
        Run help = new Run(run("simulate", "--help"));
        assertEquals(0, help.exit);
        assertTrue(help.out.contains("--bind=ADDRESS"), help.out);
        assertTrue(help.out.contains("listens on 127.0.0.1 only"), help.out);
        assertTrue(!help.out.contains("all interfaces;"), "the old text said --tcp listens on all interfaces");
    }

    private record Run(int exit, String out, String err) {
        Run(BusCommandsTest.Run r) {
            this(r.exit(), r.out(), r.err());
        }
    }

    private static int port(String status) {
        Matcher m = PORT.matcher(status);
        assertTrue(m.find(), "no port announced: " + status);
        return Integer.parseInt(m.group(1));
    }

    /**
     * 127.0.0.2: on Linux the whole of 127.0.0.0/8 reaches this machine, but a socket bound to
     * 127.0.0.1 does not answer it, just as it does not answer a neighbour on the network. So the
     * test tells "loopback only" from "every interface" without sending anything off this machine,
     * and runs on a machine with no network at all.
     */
    private static InetAddress lanAddress() throws java.net.UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    }

    private static void assertRefused(InetAddress address, int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 2000);
            }
        }, "nothing should listen on " + address.getHostAddress() + ":" + port);
    }

    private static void assertTelegramArrives(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket(address, port)) {
            s.setSoTimeout(3000);
            InputStream in = s.getInputStream();
            assertEquals('/', in.read(), "a P1 telegram starts with '/'");
        }
    }
}
