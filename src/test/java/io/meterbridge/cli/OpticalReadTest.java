package io.meterbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import io.meterbridge.sim.PtyLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read --wake-up} as a user with an IR head on a meter's optical eye runs it, against the
 * simulator's sleeping eye over a pseudo-terminal, paced at 2400 Bd: the preamble bytes go
 * through the serial path and the simulated eye counts them.
 */
class OpticalReadTest {

    @TempDir
    Path dir;

    @Test
    void aSleepingEyeIsReadWithTheWakeUpAndIsOneClearLineWithout() throws Exception {
        assumeTrue(PtyLink.socatAvailable(), "socat is not installed: skipping (apt-get install socat)");
        Path pty = dir.resolve("ttyIR0");
        Background sim = Background.start("simulate", "--pty", pty.toString(), "--paced", "--wake-up-required", "2000",
                "--for", "14");
        long started = System.nanoTime();
        String banner = sim.awaitOutput("Ctrl-C");
        assertTrue(banner.contains("an optical eye that needs a wake-up of 2000 ms (read it with --wake-up 2000 --address 254)"),
                banner);

        BusCommandsTest.Run asleep = BusCommandsTest.run("read", "--port", pty.toString(), "--address", "254",
                "--retries", "0", "--latency", "20");
        assertEquals(1, asleep.exit(), asleep.out() + asleep.err());
        assertEquals(1, asleep.err().strip().lines().count(), asleep.err());
        assertFalse(asleep.err().contains("Exception"), asleep.err());

        BusCommandsTest.Run awake = BusCommandsTest.run("read", "--port", pty.toString(), "--address", "254",
                "--wake-up", "2200", "--latency", "20", "--json");
        assertEquals(0, awake.exit(), awake.err());
        var first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(awake.out().lines().findFirst().orElseThrow());
        assertEquals("82937133", first.at("/header/id").asText(), awake.out());
        assertEquals("254", first.at("/link/address").asText(), awake.out());
        // the simulator stops by itself after its 14 s; awaitEnd allows it 5 s
        Thread.sleep(Math.max(0, 12_000 - (System.nanoTime() - started) / 1_000_000));
        sim.awaitEnd();
    }
}
