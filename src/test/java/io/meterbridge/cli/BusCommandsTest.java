package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.link.Parity;
import io.meterbridge.link.SerialTransport;
import io.meterbridge.sim.Fault;
import io.meterbridge.sim.PtyLink;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimServer;
import io.meterbridge.sim.SimTransportProvider;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** scan, set-address and simulate as a user runs them, against the built-in simulator. */
class BusCommandsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        // Buffered writers over byte streams, as picocli's own on System.out and System.err: what a command
        // leaves unflushed is missing here too, as it would be when the JVM exits (a StringWriter hid that).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineWithoutStackTrace(Run r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void primaryScanPrintsTheTable() {
        Run r = run("scan", "--port", "sim:cli-scan", "--baud", "38400", "--to", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "1 +829371332D2C4004 +KAM +Kamstrup MULTICAL 303 +heat \\(outlet\\) +82937133")), r.out());
        assertTrue(r.out().contains("1 meter found on sim:cli-scan"), r.out());
    }

    @Test
    void secondaryScanFindsBoth() {
        Run r = run("scan", "--port", "sim:cli-scan2", "--baud", "38400", "--secondary");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "89 +774477442D2C3404 +KAM +Kamstrup MULTICAL 403 +heat \\(outlet\\) +77447744")), r.out());
        assertTrue(r.out().contains("2 meters found"), r.out());
    }

    @Test
    void readPrintsEveryTelegramAsATable() {
        Run r = run("read", "--port", "sim:cli-read", "--baud", "38400", "--address", "89");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("meter 89 on sim:cli-read"), r.out());
        assertTrue(r.out().contains("Kamstrup MULTICAL 403, 2 telegrams"), r.out());
        assertTrue(r.out().contains("telegram 1 of 2 (125 bytes)"), r.out());
        assertTrue(r.out().contains("telegram 2 of 2 (71 bytes)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*Volume +2232\\.\\d\\d m³")), r.out());
        // the last record of the last telegram: the table is printed to its end
        assertTrue(r.out().strip().matches("(?s).*\\n  7 +64 +8202 +6C .* 2024-10-01"), r.out());
    }

    @Test
    void readJsonIsTheDecodeSchemaPlusLinkDetails() throws Exception {
        Run r = run("read", "--port", "sim:cli-read2", "--baud", "38400", "--address", "77447744FFFFFFFF", "--json");
        assertEquals(0, r.exit(), r.err());
        var lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < 2; i++) {
            var node = mapper.readTree(lines.get(i));
            assertEquals("77447744", node.at("/header/id").asText());
            assertEquals(i + 1, node.at("/link/telegram").asInt());
            assertEquals(2, node.at("/link/telegrams").asInt());
            assertEquals("77447744FFFFFFFF", node.at("/link/address").asText());
            assertEquals(i == 0 ? 125 : 71, node.at("/link/bytes").asInt());
            assertTrue(node.at("/records").size() >= 8);
        }
        assertEquals(34510, mapper.readTree(lines.get(0)).at("/records/0/value").asInt());
    }

    @Test
    void aReadThatFailsPartWayPrintsWhatArrivedMarkedIncompleteThenTheError() throws Exception {
        // SND_NKE's E5 and telegram 1 arrive; telegram 2 is lost three times (first try and both retries)
        SimTransportProvider.bus("sim:cli-partial").meterAt(89).injectAfter(2, Fault.NO_ANSWER, 3);
        Run r = run("read", "--port", "sim:cli-partial", "--baud", "38400", "--address", "89", "--json");
        assertEquals(1, r.exit(), r.out());
        var lines = r.out().strip().lines().toList();
        assertEquals(1, lines.size(), r.out());
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertFalse(node.at("/link/complete").asBoolean(true), lines.get(0));
        assertEquals(125, node.at("/link/bytes").asInt());
        assertEquals(34510, node.at("/records/0/value").asInt());
        assertTrue(r.err().contains("no reply from meter 89"), r.err());
        assertTrue(r.err().contains("failed at telegram 2; the 1 telegram read before are kept"), r.err());
        assertOneLineWithoutStackTrace(r);
        Run whole = run("read", "--port", "sim:cli-partial", "--baud", "38400", "--address", "89", "--json");
        assertEquals(0, whole.exit(), whole.err());
        assertTrue(whole.out().contains("\"complete\":true"), whole.out());
    }

    @Test
    void readingASilentMeterIsOneClearLine() {
        Run r = run("read", "--port", "sim:cli-read3", "--baud", "38400", "--address", "5");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no reply from meter 5"), r.err());
        // the knob of the command line, not the service's endpoint option
        assertTrue(r.err().contains("or raise --latency (adapter latency now 0 ms)"), r.err());
        assertOneLineWithoutStackTrace(r);
        Run bad = run("read", "--port", "sim", "--address", "abc");
        assertEquals(2, bad.exit(), "bad input, as Main documents");
        assertTrue(bad.err().contains("\"abc\""), bad.err());
    }

    @Test
    void setAddressMovesTheMeterAndSaysSo() {
        Run r = run("set-address", "--port", "sim:cli-set", "--baud", "38400", "--from", "1", "--to", "7");
        assertEquals(0, r.exit(), r.err());
        assertEquals("meter at 1 now answers at 7", r.out().strip());
        Run again = run("set-address", "--port", "sim:cli-set", "--baud", "38400", "--from", "1", "--to", "8");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("no reply from meter 1"), again.err());
        assertOneLineWithoutStackTrace(again);
        Run taken = run("set-address", "--port", "sim:cli-set", "--baud", "38400", "--from", "7", "--to", "89");
        assertEquals(1, taken.exit());
        assertTrue(taken.err().contains("already in use"), taken.err());
    }

    @Test
    void aMissingPortIsOneClearLine() {
        Run r = run("scan", "--port", dir.resolve("ttyUSB0").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no such serial port"), r.err());
        assertTrue(r.err().contains("plugged in"), r.err());
        assertOneLineWithoutStackTrace(r);
    }

    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
        try (PtyLink link = PtyLink.open(dir.resolve("ttyA"), dir.resolve("ttyB"));
                BusMaster holder = BusMaster.open(BusSettings.of(link.masterSide().toString()).withParity(Parity.NONE))) {
            try {
                holder.sendNke(1); // opens the port; nobody answers
            } catch (io.meterbridge.link.NoReplyException expected) {
                // the port is open now, which is all we need
            }
            Run r = run("scan", "--port", link.masterSide().toString(), "--to", "0");
            assertEquals(1, r.exit(), r.out());
            assertTrue(r.err().contains("busy"), r.err());
            assertOneLineWithoutStackTrace(r);
        }
    }

    @Test
    void simulateServesTcpForOtherMasters() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Background sim = Background.start("simulate", "--tcp", String.valueOf(port), "--baud", "9600", "--for", "3");
        String simOut = sim.awaitOutput("Ctrl-C");
        assertTrue(simOut.contains("primary 1   secondary 829371332D2C4004  MULTICAL 303"), simOut);
        BusSettings settings = BusSettings.of("tcp:127.0.0.1:" + port).withBaud(9600)
                .withAdapterLatency(Duration.ofMillis(20));
        try (BusMaster master = BusMaster.open(settings)) {
            assertEquals(2, master.readMeter(MeterAddress.parse("89")).size());
        }
        sim.awaitEnd();
    }

    @Test
    void simulateOnAPtyIsReadableThroughTheSerialPath() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
        Path pty = dir.resolve("ttyMBUS0");
        Background sim = Background.start("simulate", "--pty", pty.toString(), "--baud", "9600", "--for", "3");
        sim.awaitOutput("Ctrl-C");
        Run r = run("scan", "--port", pty.toString(), "--baud", "9600", "--latency", "20", "--from", "88", "--to", "89");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Kamstrup MULTICAL 403"), r.out());
        sim.awaitEnd();
    }

    @Test
    void readOverAPtyNamesTheParityInUseNotTheOneAskedFor() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
        Path pty = dir.resolve("ttyMBUS0");
        Background sim = Background.start("simulate", "--pty", pty.toString(), "--baud", "9600", "--for", "4");
        sim.awaitOutput("Ctrl-C");
        // --parity even is the default: a pty cannot keep it, and the port falls back to none (with a warning)
        Run table = run("read", "--port", pty.toString(), "--baud", "9600", "--latency", "20", "--address", "1");
        assertEquals(0, table.exit(), table.err());
        String header = table.out().lines().findFirst().orElse("");
        assertTrue(header.startsWith("meter 1 on " + pty + " (9600 Bd 8N1): Kamstrup MULTICAL 303"), table.out());
        Run json = run("read", "--port", pty.toString(), "--baud", "9600", "--latency", "20", "--address", "1",
                "--json");
        assertEquals(0, json.exit(), json.err());
        var link = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("link");
        assertEquals(pty + " (9600 Bd 8N1)", link.get("port").asText());
        sim.awaitEnd();
    }

    @Test
    void simBusIsNotSharedWithOtherPortNames() {
        assertTrue(SimBus.standard(Clock.systemUTC()).meters().size() == 2);
        assertTrue(SimServer.class.getName().endsWith("SimServer"));
        assertTrue(io.meterbridge.link.SerialPorts.isPseudoTerminal("/dev/pts/3"));
        assertFalse(io.meterbridge.link.SerialPorts.isPseudoTerminal("/dev/ttyUSB0"));
    }
}
