package io.meterbridge.cli;

import static io.meterbridge.cli.BusCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.sim.PtyLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate --kmp} and {@code simulate --iec62056} as a user runs them in one terminal and
 * {@code read --kmp} / {@code read --iec62056} in another: over a socat pseudo-terminal and over
 * TCP, paced at the meters' speeds, with faults from the command line.
 */
class SimulateOpticalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A simulator started with {@code --for seconds}, and when. */
    private record Sim(Background background, long started, int seconds, String banner) {
        static Sim start(int seconds, String... args) throws InterruptedException {
            String[] all = new String[args.length + 3];
            all[0] = "simulate";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--for";
            all[args.length + 2] = Integer.toString(seconds);
            Background b = Background.start(all);
            long started = System.nanoTime();
            return new Sim(b, started, seconds, b.awaitOutput("Ctrl-C"));
        }

        /** Waits until the simulator has stopped by itself (awaitEnd allows 5 s of the --for limit). */
        void end() throws InterruptedException {
            Thread.sleep(Math.max(0, seconds * 1000L - 3000 - (System.nanoTime() - started) / 1_000_000));
            background.awaitEnd();
        }
    }

    private static void assumeSocat() {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
    }

    @Test
    void kmpOverAPtyIsReadAsATableAndAsJson() throws Exception {
        assumeSocat();
        Path pty = dir.resolve("ttyKMP");
        Sim sim = Sim.start(4, "--kmp", "--pty", pty.toString());
        assertTrue(sim.banner().startsWith("simulated KMP heat meter (MULTICAL 403-like), serial 77447744 on " + pty
                + " (read it with meterbridge read --kmp --port " + pty + "), paced at 1200 Bd 8N2"), sim.banner());

        BusCommandsTest.Run table = run("read", "--kmp", "--port", pty.toString(), "--model", "MULTICAL 403");
        assertEquals(0, table.exit(), table.out() + table.err());
        assertTrue(table.out().startsWith("meter kam_77447744 on " + pty + " (1200 Bd 8N2): Kamstrup MULTICAL 403, read in "),
                table.out());
        assertTrue(table.out().matches("(?s).*\\n  \\S*[Tt]emperature\\S*\\s+64\\.6\\n.*"), table.out());

        BusCommandsTest.Run json = run("read", "--kmp", "--port", pty.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        assertEquals(1, json.out().strip().lines().count(), json.out());
        JsonNode r = JSON.readTree(json.out());
        assertEquals("kam_77447744", r.at("/meter_key").asText(), json.out());
        assertEquals(64.6, r.at("/flow_temperature_c").asDouble(), 1e-9, json.out());
        assertEquals(45.16, r.at("/return_temperature_c").asDouble(), 1e-9, json.out());
        assertEquals("MWh", r.at("/heat_energy_unit").asText(), json.out());
        assertTrue(r.at("/heat_energy").asDouble() >= 34.51, json.out());
        sim.end();
    }

    @Test
    void iecOverAPtyIsReadAtItsSpeedsAsATableAndAsJson() throws Exception {
        assumeSocat();
        Path pty = dir.resolve("ttyIEC");
        Sim sim = Sim.start(17, "--iec62056", "--pty", pty.toString());
        assertTrue(sim.banner().startsWith("simulated IEC 62056-21 heat meter (Landis+Gyr ULTRAHEAT UH50-like) on " + pty
                + " (read it with meterbridge read --iec62056 --port " + pty + "), paced at 300 Bd 7E1, then the speed "
                + "the meter switches to"), sim.banner());

        long t0 = System.nanoTime();
        BusCommandsTest.Run table = run("read", "--iec62056", "--port", pty.toString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, table.exit(), table.out() + table.err());
        assertTrue(table.out().startsWith("meter lug_71234567 on " + pty), table.out());
        assertTrue(table.out().contains("ULTRAHEAT"), table.out());
        // 45 characters at 300 Bd, the identification at 300 Bd, about 1 KiB at 2400 Bd: some 6.5 s on a real line
        assertTrue(millis > 5500, "paced: " + millis + " ms");

        BusCommandsTest.Run json = run("read", "--iec62056", "--port", pty.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode r = JSON.readTree(json.out());
        assertEquals("lug_71234567", r.at("/meter_key").asText(), json.out());
        assertEquals("GJ", r.at("/heat_energy_unit").asText(), json.out());
        assertTrue(r.at("/volume_m3").asDouble() >= 3329.67, json.out());
        assertTrue(r.at("/heat_energy").asDouble() >= 328.87, json.out());
        sim.end();
    }

    @Test
    void kmpOverTcp() throws Exception {
        Sim sim = Sim.start(4, "--kmp", "--tcp", "0");
        Matcher m = Pattern.compile("on TCP port (\\d+) of 127\\.0\\.0\\.1 \\(read it with meterbridge read --kmp --port "
                + "tcp:127\\.0\\.0\\.1:(\\d+)\\)").matcher(sim.banner());
        assertTrue(m.find(), sim.banner());
        assertEquals(m.group(1), m.group(2));
        BusCommandsTest.Run json = run("read", "--kmp", "--port", "tcp:127.0.0.1:" + m.group(1), "--json");
        assertEquals(0, json.exit(), json.err());
        assertEquals("kam_77447744", JSON.readTree(json.out()).at("/meter_key").asText(), json.out());
        sim.end();
    }

    @Test
    void aMeterThatDoesNotAnswerIsOneLineAndTheFaultsAreUsedUp() throws Exception {
        assumeSocat();
        Path pty = dir.resolve("ttyKMP");
        Sim sim = Sim.start(5, "--kmp", "--pty", pty.toString(), "--fault", "no-answer:3");
        assertTrue(sim.banner().contains("\nfaults: no-answer on the next 3 answers\n"), sim.banner());
        BusCommandsTest.Run silent = run("read", "--kmp", "--port", pty.toString(), "--timeout", "300");
        assertEquals(1, silent.exit(), silent.out() + silent.err());
        assertEquals(1, silent.err().strip().lines().count(), silent.err());
        assertFalse(silent.err().contains("Exception"), silent.err());
        assertTrue(silent.err().contains("no answer on " + pty + " (1200 Bd 8N2) from the KMP meter to GetType (2 attempts)"),
                silent.err());
        BusCommandsTest.Run then = run("read", "--kmp", "--port", pty.toString(), "--timeout", "300");
        assertEquals(0, then.exit(), "the third no-answer is retried: " + then.err());
        sim.end();
    }

    @Test
    void faultsAndOptionsOfOtherSimulatorsAreUsageErrors() {
        assertUsage("--fault bogus: unknown fault 'bogus' for --kmp; expected one of no-answer, late, crc, truncate, "
                + "noise, echo", "--kmp", "--fault", "bogus");
        assertUsage("unknown fault 'crc' for --iec62056; expected one of no-answer, deep-sleep, bcc, truncate",
                "--iec62056", "--fault", "crc");
        assertUsage("--fault crc:x: expected how many next answers (crc:3, at least 1) or what share of them (crc:10%",
                "--kmp", "--fault", "crc:x");
        assertUsage("--paced is for the M-Bus simulator, not with --iec62056", "--iec62056", "--paced");
        assertUsage("--wake-up-required is for the M-Bus simulator, not with --kmp", "--kmp", "--wake-up-required", "2000");
        assertUsage("--dialect is for the P1 simulator (--p1), not with --kmp", "--kmp", "--dialect", "DSMR_4");
        assertUsage("--p1, --kmp and --iec62056 are different simulators", "--kmp", "--p1");
        assertUsage("--p1, --kmp and --iec62056 are different simulators", "--kmp", "--iec62056");
        assertUsage("--fault needs --kmp or --iec62056", "--fault", "crc");
    }

    private static void assertUsage(String message, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        BusCommandsTest.Run r = run(all);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
    }
}
