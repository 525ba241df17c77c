package io.meterbridge.cli;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Parity;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.p1.EncryptedP1Framer;
import io.meterbridge.p1.P1Cipher;
import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1FramerEvent;
import io.meterbridge.p1.P1Framer;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.PtyLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.meterbridge.cli.BusCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code simulate --p1} as a user (or the {@code p1:} consumer's tests) runs it: file, TCP and pty. */
class SimulateP1Test {


    @TempDir
    Path dir;

    @Test
    void writesParsableTelegramsToAFile() throws Exception {
        Path out = dir.resolve("p1.bin");
        int status = Main.commandLine().execute("simulate", "--p1", "--dialect", "BELGIUM_E_MUCS", "--count", "5",
                "--interval", "0", "--output", out.toString());
        assertEquals(0, status);
        List<P1FramerEvent> events = new ArrayList<>();
        P1Framer framer = new P1Framer();
        try (InputStream in = Files.newInputStream(out)) {
            framer.readAll(in, events::add);
        }
        assertEquals(5, framer.statistics().frames(), events.toString());
        for (P1FramerEvent e : events) {
            assertEquals(P1Version.BELGIUM_E_MUCS, P1Parser.parse((P1Frame) e).version());
        }
    }

    @Test
    void withAKeyWritesEncryptedFramesThatOpenWithThatKeyOnly() throws Exception {
        Path out = dir.resolve("smarty.bin");
        String key = "00112233445566778899aabbccddeeff";
        assertEquals(0, Main.commandLine().execute("simulate", "--p1", "--dialect", "LUXEMBOURG_SMARTY", "--key", key,
                "--count", "4", "--interval", "0", "--output", out.toString()));
        byte[] wire = Files.readAllBytes(out);
        assertEquals(0xDB, wire[0] & 0xFF);

        EncryptedP1Framer right = new EncryptedP1Framer(P1Cipher.smarty(key), 4096);
        List<P1FramerEvent> events = new ArrayList<>(right.feed(wire));
        events.addAll(right.endOfStream());
        assertEquals(4, right.statistics().frames(), events.toString());
        for (P1FramerEvent e : events) {
            assertEquals(P1Version.LUXEMBOURG_SMARTY, P1Parser.parse((P1Frame) e).version());
        }
        EncryptedP1Framer wrong = new EncryptedP1Framer(P1Cipher.smarty("00112233445566778899aabbccddeefe"), 4096);
        wrong.feed(wire);
        assertEquals(4, wrong.statistics().undecryptable());
        assertEquals(0, wrong.statistics().frames());
    }

    @Test
    void aMalformedKeyIsAUsageErrorThatDoesNotShowIt() {
        BusCommandsTest.Run r = run("simulate", "--p1", "--count", "1", "--key", "0011223344");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--key/--authentication-key: decryptionKey must be 32 hex digits (a 16-byte AES key),"
                + " found 10 characters"), r.err());
    }

    @Test
    void faultRateOneProducesOnlyFaults() throws Exception {
        Path out = dir.resolve("p1.bin");
        assertEquals(0, Main.commandLine().execute("simulate", "--p1", "--dialect", "DSMR_4", "--count", "20",
                "--interval", "0", "--fault-rate", "1", "--output", out.toString()));
        P1Framer framer = new P1Framer();
        try (InputStream in = Files.newInputStream(out)) {
            framer.readAll(in, e -> { });
        }
        P1Framer.Statistics s = framer.statistics();
        assertTrue(s.crcMismatches() + s.truncated() + s.noiseBytes() > 0, s.toString());
        assertTrue(s.frames() < 20, s.toString());
    }

    @Test
    void badFaultRateIsAUsageError() {
        BusCommandsTest.Run r = run("simulate", "--p1", "--count", "1", "--fault-rate", "2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--fault-rate must be between 0 and 1, was 2.0"), r.err());
    }

    @Test
    void optionsOfTheOtherSimulatorAreUsageErrors() {
        BusCommandsTest.Run mbusOption = run("simulate", "--p1", "--baud", "9600", "--count", "1");
        assertEquals(2, mbusOption.exit());
        assertTrue(mbusOption.err().contains("--baud is for the M-Bus simulator, not with --p1"), mbusOption.err());
        BusCommandsTest.Run p1Option = run("simulate", "--dialect", "DSMR_4", "--for", "1");
        assertEquals(2, p1Option.exit());
        assertTrue(p1Option.err().contains("--dialect needs --p1"), p1Option.err());
        BusCommandsTest.Run both = run("simulate", "--p1", "--tcp", "0", "--output", dir.resolve("x").toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void helpSaysHowTcpAndPtyBehave() {
        BusCommandsTest.Run r = run("simulate", "--help");
        assertEquals(0, r.exit());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("each gets every telegram sent after it connected, starting at a telegram boundary"), help);
        assertTrue(help.contains("setting parity there fails with EINVAL"), help);
        assertTrue(help.contains("loses the oldest"), help);
    }

    @Test
    void tcpStreamsEveryTelegramToEveryClient() throws Exception {
        Background sim = Background.start("simulate", "--p1", "--dialect", "DSMR_5", "--tcp", "0", "--interval", "0.2",
                "--for", "3");
        int port = awaitPort(sim);
        try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port);
                Socket b = new Socket(InetAddress.getLoopbackAddress(), port)) {
            a.setSoTimeout(3000);
            b.setSoTimeout(3000);
            for (Socket s : List.of(a, b)) {
                List<P1Frame> frames = readFrames(s.getInputStream(), 3);
                assertEquals(3, frames.size());
                for (P1Frame f : frames) {
                    assertEquals(P1Version.DSMR_5, P1Parser.parse(f).version());
                }
            }
        }
        sim.awaitEnd();
        assertTrue(sim.output().contains("simulated P1 meter (DSMR_5) on TCP port " + port), sim.output());
    }

    @Test
    void aPtyIsReadableAsASerialPort() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
        Path pty = dir.resolve("ttyP1");
        Background sim = Background.start("simulate", "--p1", "--dialect", "DSMR_2_OR_3", "--pty", pty.toString(),
                "--interval", "0.2", "--for", "3");
        String simOut = sim.awaitOutput("Ctrl-C");
        assertTrue(simOut.contains("on " + pty + " (open it as a serial port)"), simOut);
        // as the p1: consumer would: jSerialComm, 9600 Bd; 7E1 is what a DSMR 2.2 meter sends, but a pty takes no parity
        SerialTransport port = new SerialTransport(BusSettings.of(pty.toString()).withBaud(9600).withParity(Parity.NONE));
        port.open();
        try {
            P1Framer framer = new P1Framer();
            List<P1Frame> frames = new ArrayList<>();
            byte[] buffer = new byte[1024];
            long deadline = System.nanoTime() + 5_000_000_000L;
            // The first telegram may have begun before the port was opened (a pty keeps what was sent
            // while nobody read, possibly from part-way through a telegram), and DSMR 2.2 has no CRC to
            // tell: only the telegrams after it are judged.
            while (frames.size() < 3 && System.nanoTime() < deadline) {
                int n = port.read(buffer, 0, buffer.length, 200_000_000L);
                for (P1FramerEvent e : framer.feed(buffer, 0, n)) {
                    if (e instanceof P1Frame f) {
                        frames.add(f);
                    }
                }
            }
            assertEquals(3, frames.size(), framer.statistics().toString());
            for (P1Frame f : frames.subList(1, 3)) {
                assertEquals(P1Version.DSMR_2_OR_3, P1Parser.parse(f).version());
            }
        } finally {
            port.close();
        }
        sim.awaitEnd();
        assertFalse(Files.exists(pty), "socat is gone with the command, and its link with it");
    }

    /** The first {@code n} frames of a stream, which must start at a telegram boundary (no noise, nothing dropped). */
    static List<P1Frame> readFrames(InputStream in, int n) throws Exception {
        P1Framer framer = new P1Framer();
        List<P1Frame> frames = new ArrayList<>();
        byte[] buffer = new byte[1024];
        boolean first = true;
        while (frames.size() < n) {
            int r = in.read(buffer);
            assertTrue(r > 0, "stream ended after " + frames.size() + " frames");
            if (first) {
                assertEquals('/', buffer[0], "a new client starts at a telegram boundary");
                first = false;
            }
            for (P1FramerEvent e : framer.feed(buffer, 0, r)) {
                assertTrue(e instanceof P1Frame, e.toString());
                frames.add((P1Frame) e);
            }
        }
        return frames;
    }

    private static int awaitPort(Background sim) throws InterruptedException {
        Matcher m = Pattern.compile("on TCP port (\\d+)").matcher(sim.awaitOutput("Ctrl-C"));
        assertTrue(m.find(), "no port announced: " + sim.output());
        return Integer.parseInt(m.group(1));
    }
}
