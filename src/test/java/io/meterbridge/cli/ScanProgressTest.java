package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterbridge.sim.Multical303;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.sim.SimTransportProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * scan's progress on stderr, with and without a terminal, and its stdout, a contract other tools parse,
 * byte for byte as before progress existed ({@code cli/scan-*.txt} were written by the scan of then).
 */
class ScanProgressTest {

    @Test
    void withoutATerminalALineEvery25AddressesOnStderrAndTheSameTableOnStdout() throws Exception {
        CliProcess.Result r = CliProcess.run("scan", "--port", "sim", "--baud", "38400", "--from", "40", "--to", "90");
        assertEquals(0, r.exit(), r.err());
        golden("scan-primary.txt", r.out());
        // 25 done before address 65; 50 done (89 among them) before address 90
        assertEquals("scanned 25/51 addresses, found 0\nscanned 50/51 addresses, found 1\n", r.err());
    }

    @Test
    void onATerminalOneLineUpdatedInPlaceAndErasedBeforeTheTable() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1) (util-linux) to run under a pty");
        List<String> scan = new ArrayList<>(CliProcess.java(Main.class));
        scan.addAll(List.of("scan", "--port", "sim", "--baud", "38400", "--from", "80", "--to", "99"));
        String shell = scan.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        // script gives the JVM a pseudo-terminal for stdin, stdout and stderr, as an interactive shell does
        CliProcess.Result r = CliProcess.start(List.of("script", "-q", "-e", "-c", shell, "/dev/null"));
        assertEquals(0, r.exit(), r.out());
        String screen = r.out();
        Matcher m = Pattern.compile("\r(scanning (\\d+)/20 \\(address (\\d+)\\), found (\\d)) *").matcher(screen);
        List<String> drawn = new ArrayList<>();
        int erasedAt = screen.indexOf("PRIMARY");
        while (m.find()) {
            assertTrue(m.end() <= erasedAt, "progress after the table: " + screen);
            assertEquals(Integer.parseInt(m.group(2)) + 79, Integer.parseInt(m.group(3)), m.group(1));
            assertEquals(Integer.parseInt(m.group(3)) > 89 ? 1 : 0, Integer.parseInt(m.group(4)), m.group(1));
            drawn.add(m.group(1));
        }
        assertTrue(drawn.contains("scanning 1/20 (address 80), found 0"), screen);
        assertTrue(drawn.contains("scanning 11/20 (address 90), found 1"), "redrawn when the meter turned up: " + screen);
        assertFalse(screen.contains("scanned "), "no log lines on a terminal: " + screen);
        // erased: spaces over the line, back to its start, then the table; the pty turns \n into \r\n
        assertTrue(screen.substring(0, erasedAt).matches("(?s).*\r +\r$"), screen);
        assertEquals(read("scan-primary.txt"), screen.substring(erasedAt).replace("\r\n", "\n"));
    }

    @Test
    void secondaryScanReportsSelectionsAndMetersAsTheyTurnUp() throws Exception {
        // three more meters whose IDs differ only in the last digit: the scan narrows seven digits to part them
        SimBus bus = SimBus.standard(Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            bus.add(new SimMeter(new Multical303(), 10 + i, 0x12345670 + i, Clock.systemUTC()));
        }
        SimTransportProvider.install("sim:scan-progress", bus);
        BusCommandsTest.Run r = BusCommandsTest.run("scan", "--port", "sim:scan-progress", "--baud", "38400",
                "--secondary");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("5 meters found on sim:scan-progress\n"), r.out());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.size() >= 2, r.err());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches("secondary scan: " + 25 * (i + 1) + " selections sent, found [0-5]"),
                    r.err());
        }
    }

    @Test
    void secondaryScanStdoutIsUnchanged() throws Exception {
        CliProcess.Result r = CliProcess.run("scan", "--port", "sim", "--baud", "38400", "--secondary");
        assertEquals(0, r.exit(), r.err());
        golden("scan-secondary.txt", r.out());
        assertEquals("", r.err(), "11 selections: no progress line due yet");
    }

    private static void golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of("src/test/resources/cli/" + name), actual, StandardCharsets.UTF_8);
        }
        assertEquals(read(name), actual, "cli/" + name);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ScanProgressTest.class.getResourceAsStream("/cli/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
