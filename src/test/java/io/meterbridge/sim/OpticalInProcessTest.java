package io.meterbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.meterbridge.iec62056.Iec62056BccException;
import io.meterbridge.iec62056.Readout;
import io.meterbridge.iec62056.ReadoutOptions;
import io.meterbridge.iec62056.RequestMessage;
import io.meterbridge.iec62056.WakeUp;
import io.meterbridge.kmp.KmpFrame;
import io.meterbridge.kmp.KmpRegister;
import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.kmp.KmpRegisterValue;
import io.meterbridge.kmp.KmpRequest;
import io.meterbridge.kmp.KmpResponse;
import io.meterbridge.link.Framing;
import io.meterbridge.link.Iec62056Master;
import io.meterbridge.link.KmpMaster;
import io.meterbridge.link.KmpRead;
import io.meterbridge.link.OpticalNoAnswerException;
import io.meterbridge.link.OpticalReplyException;
import io.meterbridge.link.OpticalSettings;
import io.meterbridge.link.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The link masters against {@code sim:kmp} and {@code sim:iec62056}, found through the
 * TransportProvider service as any port is: what they read is what the simulated meter holds, and
 * its faults reach them as a real meter's would.
 */
class OpticalInProcessTest {

    private static final Instant ON = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");

    /** A port of this test's own, so faults do not leak between tests. */
    private static String port(String kind, TestInfo info) {
        return "sim:" + kind + ":" + OpticalInProcessTest.class.getSimpleName() + "." + info.getTestMethod().orElseThrow().getName();
    }

    /** Short waits, so that the tests of silence do not take the 2 s a real head gets. */
    private static OpticalSettings quick(String port, int retries) {
        return OpticalSettings.of(port).withReplyTimeout(Duration.ofMillis(400)).withRetries(retries);
    }

    private static ReadoutOptions quickReadout() {
        return new ReadoutOptions(WakeUp.landisGyrUltraheat(), RequestMessage.ANY, 19200, Duration.ofMillis(600),
                Duration.ofMillis(600), 512, 16 * 1024);
    }

    @Test
    void kmpMasterReadsTheRegistersTheMeterHolds(TestInfo info) throws Exception {
        String port = port("kmp", info);
        KmpMeter meter = new KmpMeter(67_211_183L, ON, ZoneId.of("Europe/Copenhagen"));
        SimTransportProvider.install(port, new KmpEye(meter, Clock.fixed(AT, ZoneOffset.UTC), new RandomFaults<>(1)));
        KmpRegisterList registers = KmpRegisterList.parse("E1,V1,T1,T2,T1_T2,POWER,FLOW1,HOURS,INFO,DATE,TIME");
        KmpRead read;
        try (KmpMaster master = KmpMaster.open(OpticalSettings.of(port))) {
            read = master.read(registers);
            assertEquals(4, master.statistics().requests(), "type, serial and two register requests (eight a request)");
            assertTrue(master.describe().startsWith(port + " (in-process simulator, 1200 Bd 8N2)"), master.describe());
        }
        assertEquals(KmpMeter.METER_TYPE, read.meterType().meterType());
        assertEquals(67_211_183L, read.serialNumber());
        assertEquals(List.of(), read.missing());
        List<KmpRegisterValue> expected = new ArrayList<>();
        for (int id : registers.ids()) {
            expected.add(meter.register(id, AT).orElseThrow());
        }
        assertEquals(expected, read.values());
        assertEquals(new BigDecimal("64.60"), value(read, KmpRegister.T1));
        assertEquals(new BigDecimal("34.831"), value(read, KmpRegister.E1), "34 510 kWh + 27 h at 11.92 kW, in MWh");
    }

    private static BigDecimal value(KmpRead read, KmpRegister register) {
        return read.values().stream().filter(v -> v.registerId() == register.id()).findFirst().orElseThrow().value();
    }

    @Test
    void aBadCrcIsRetriedAndTheRetryIsTheAnswer(TestInfo info) throws Exception {
        String port = port("kmp", info);
        SimTransportProvider.kmpMeter(port).inject(Fault.BAD_CHECKSUM, 1);
        try (KmpMaster master = KmpMaster.open(OpticalSettings.of(port))) {
            KmpRead read = master.read(KmpRegisterList.parse("E1,V1"));
            assertEquals(2, read.values().size());
            assertEquals(1, master.statistics().badAnswers(), master.statistics().toString());
            assertEquals(4, master.statistics().requests(), "GetType twice, then serial and registers");
        }
    }

    @Test
    void noAnswerToEveryAttemptIsOpticalNoAnswer(TestInfo info) throws Exception {
        String port = port("kmp", info);
        SimTransportProvider.kmpMeter(port).inject(Fault.NO_ANSWER, 2);
        try (KmpMaster master = KmpMaster.open(quick(port, 1))) {
            OpticalNoAnswerException e = assertThrows(OpticalNoAnswerException.class,
                    () -> master.read(KmpRegisterList.parse("E1")));
            assertEquals(2, e.attempts());
            assertTrue(e.getMessage().startsWith("no answer on " + port), e.getMessage());
            assertTrue(e.getMessage().contains("GetType"), e.getMessage());
            assertEquals(1, master.read(KmpRegisterList.parse("E1")).values().size(), "the faults are used up");
        }
    }

    @Test
    void aLateAnswerComesAfterTheMasterGaveUp(TestInfo info) throws Exception {
        String port = port("kmp", info);
        SimTransportProvider.kmpMeter(port).inject(Fault.LATE_ANSWER, 1);
        // a reply timeout of 2 s, the default, against an answer after 2.5 s
        try (KmpMaster master = KmpMaster.open(OpticalSettings.of(port).withRetries(0))) {
            long t0 = System.nanoTime();
            assertThrows(OpticalNoAnswerException.class, () -> master.read(KmpRegisterList.parse("E1")));
            long waited = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(waited >= 2000 && waited < KmpMeter.LATE.toMillis(), "waited " + waited + " ms");
        }
    }

    /** A master, or a head's driver, may hand a request over in pieces: the eye gathers the frame. */
    @Test
    void aRequestWrittenInPiecesIsOneRequest(TestInfo info) throws Exception {
        String port = port("kmp", info);
        Transport t = OpticalSettings.of(port).transport(Framing.KMP);
        t.open();
        byte[] wire = KmpFrame.request(KmpFrame.HEAT_METER, new KmpRequest.GetSerialNo().command().id(), new byte[0])
                .encode();
        for (byte b : wire) {
            t.write(new byte[] {b});
        }
        byte[] buffer = new byte[64];
        int n = t.read(buffer, 0, buffer.length, 1_000_000_000L);
        KmpFrame frame = KmpFrame.decode(io.meterbridge.kmp.KmpDirection.FROM_METER, java.util.Arrays.copyOf(buffer, n));
        KmpResponse.SerialNo serial = (KmpResponse.SerialNo) KmpResponse.parse(frame, new KmpRequest.GetSerialNo());
        assertEquals(SimTransportProvider.kmpMeter(port).serialNumber(), serial.serialNumber());
        t.close();
    }

    @Test
    void iecMasterGetsTheUltraheatReadoutAtItsSpeed(TestInfo info) throws Exception {
        String port = port("iec62056", info);
        UltraheatMeter meter = SimTransportProvider.ultraheatMeter(port);
        Readout first;
        Readout second;
        try (Iec62056Master master = Iec62056Master.open(OpticalSettings.of(port))) {
            first = master.read(ReadoutOptions.landisGyrUltraheat());
            assertEquals(meter.energy(), number(first, "6.8"));
            assertEquals(meter.volume(), number(first, "6.26"));
            java.time.LocalDateTime clock = meter.now();
            Thread.sleep(50);
            second = master.read(ReadoutOptions.landisGyrUltraheat());
            assertEquals(meter.energy(), number(second, "6.8"));
            assertTrue(meter.now().isAfter(clock), "the meter's clock moves with real time: " + clock + ", " + meter.now());
            assertTrue(master.describe().endsWith("(in-process simulator, 2400 Bd 7E1)"), master.describe());
        }
        assertEquals("LUG", first.identification().manufacturer());
        assertEquals(2400, first.baudRate());
        assertEquals("GJ", first.dataBlock().dataSet("6.8").orElseThrow().value().unit());
        assertEquals("71234567", first.dataBlock().dataSet("9.21").orElseThrow().value().text());
        assertEquals(2, meter.readouts());
    }

    private static BigDecimal number(Readout r, String address) {
        return r.dataBlock().dataSet(address).orElseThrow().value().decimal();
    }

    @Test
    void aMeterInDeepSleepIsNoAnswerUntilTheLongerWakeUp(TestInfo info) throws Exception {
        String port = port("iec62056", info);
        SimTransportProvider.ultraheatMeter(port).inject(UltraheatFault.SLEEPING);
        // no retry: each attempt waits out the 1.5 s the wake-up and request take at 300 Bd
        try (Iec62056Master master = Iec62056Master.open(OpticalSettings.of(port).withRetries(0))) {
            OpticalNoAnswerException e = assertThrows(OpticalNoAnswerException.class, () -> master.read(quickReadout()));
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().contains("the request /?!"), e.getMessage());
            Readout r = master.read(quickReadout().withWakeUp(WakeUp.ofDuration(Duration.ofMillis(2200), 300,
                    Duration.ZERO)));
            assertEquals(2400, r.baudRate());
        }
    }

    @Test
    void aBadBccIsRetriedAndTwoAreAReplyError(TestInfo info) throws Exception {
        String port = port("iec62056", info);
        UltraheatMeter meter = SimTransportProvider.ultraheatMeter(port);
        meter.inject(UltraheatFault.BAD_BCC, 1);
        try (Iec62056Master master = Iec62056Master.open(OpticalSettings.of(port))) {
            Readout r = master.read(quickReadout());
            assertEquals(meter.energy(), number(r, "6.8"));
            assertEquals(1, master.statistics().badAnswers());
            meter.inject(UltraheatFault.BAD_BCC, 2);
            OpticalReplyException e = assertThrows(OpticalReplyException.class, () -> master.read(quickReadout()));
            assertInstanceOf(Iec62056BccException.class, e.getCause());
            assertEquals(0, meter.pendingFaults(UltraheatFault.BAD_BCC));
        }
    }
}
