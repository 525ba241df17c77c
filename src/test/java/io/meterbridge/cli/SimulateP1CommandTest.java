package io.meterbridge.cli;

import io.meterbridge.p1.P1Frame;
import io.meterbridge.p1.P1FramerEvent;
import io.meterbridge.p1.P1Framer;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateP1CommandTest {

    @Test
    void writesParsableTelegramsToAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p1.bin");
        int status = Main.commandLine().execute("simulate-p1", "--dialect", "BELGIUM_E_MUCS", "--count", "5",
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
    void faultRateOneProducesOnlyFaults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p1.bin");
        assertEquals(0, Main.commandLine().execute("simulate-p1", "--dialect", "DSMR_4", "--count", "20",
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
    void badFaultRateIsOneLineError() {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("simulate-p1", "--count", "1", "--fault-rate", "2"));
        assertTrue(err.toString().contains("--fault-rate must be between 0 and 1, was 2.0"), err.toString());
    }
}
