package io.meterbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1FramerEvent;
import io.meterbridge.p1.P1Framer;
import io.meterbridge.p1.P1Version;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The P1 simulator's outputs as a {@code p1:} consumer's test uses them: TCP clients and a pty nobody reads yet. */
class P1OutputTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));

    @TempDir
    Path dir;

    @Test
    void everyTcpClientGetsWholeTelegramsFromWhenItConnectedAndALeaverIsForgotten() throws Exception {
        P1Simulator sim = new P1Simulator(P1Version.DSMR_4, 7, START);
        try (P1Output out = P1Output.tcp(0, true)) {
            out.write(sim.next(Duration.ofSeconds(1))); // nobody connected: goes nowhere, blocks nothing
            Socket a = new Socket(InetAddress.getLoopbackAddress(), out.tcpPort());
            try (Socket b = new Socket(InetAddress.getLoopbackAddress(), out.tcpPort())) {
                assertTrue(out.awaitClients(2, Duration.ofSeconds(3)));
                byte[] second = sim.next(Duration.ofSeconds(1));
                out.write(second);
                a.setSoTimeout(3000);
                b.setSoTimeout(3000);
                assertEquals(new String(second, "US-ASCII"), readExactly(a.getInputStream(), second.length));
                assertEquals(new String(second, "US-ASCII"), readExactly(b.getInputStream(), second.length));
                a.close();
                long until = System.nanoTime() + 3_000_000_000L;
                while (out.clients() > 1 && System.nanoTime() < until) {
                    out.write(sim.next(Duration.ofSeconds(1))); // the write that fails tells it a left
                    Thread.sleep(20);
                }
                assertEquals(1, out.clients());
                assertEquals(0, out.dropped());
            }
        }
    }

    @Test
    void aPtyNobodyReadsNeverBlocksTheMeterAndALateReaderGetsOlderTelegrams() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
        P1Simulator sim = new P1Simulator(P1Version.DSMR_5, 7, START);
        Path link = dir.resolve("ttyP1");
        try (P1Output out = P1Output.pty(link)) {
            // ~1 KB telegrams: 200 of them are far more than the pty pair buffers (tens of KB)
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                out.write(sim.next(Duration.ofSeconds(1)));
            }
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "writes did not block");
            long until = System.nanoTime() + 3_000_000_000L;
            while (out.dropped() == 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(out.dropped() > 0, "a full pty loses telegrams rather than holding up the meter");
            P1Framer framer = new P1Framer();
            List<P1Frame> frames = new ArrayList<>();
            try (InputStream in = Files.newInputStream(link)) {
                byte[] buffer = new byte[4096];
                while (frames.size() < 3) {
                    int n = in.read(buffer);
                    for (P1FramerEvent e : framer.feed(buffer, 0, n)) {
                        if (e instanceof P1Frame f) {
                            frames.add(f);
                        }
                    }
                }
            }
            // what the kernel kept is from the start of the run, long before the newest telegram written
            String lastWritten = sim.meterTime().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
            String firstRead = timestamp(frames.get(0).text());
            assertTrue(firstRead.compareTo(lastWritten) < 0, firstRead + " should be older than " + lastWritten);
            // in order; not necessarily adjacent: what a pty holds for a reader who has not opened it yet
            // is the kernel's and socat's to keep, and under load some of it is not kept
            String secondRead = timestamp(frames.get(1).text());
            assertTrue(secondRead.compareTo(firstRead) > 0, secondRead + " should be newer than " + firstRead);
        }
        assertTrue(!Files.exists(link), "closing kills socat: the cable is pulled");
    }

    private static String timestamp(String telegram) {
        Matcher m = Pattern.compile("0-0:1\\.0\\.0\\((\\d{12})[SW]\\)").matcher(telegram);
        assertTrue(m.find(), telegram);
        return m.group(1);
    }

    private static String readExactly(InputStream in, int n) throws Exception {
        byte[] b = in.readNBytes(n);
        return new String(b, "US-ASCII");
    }
}
