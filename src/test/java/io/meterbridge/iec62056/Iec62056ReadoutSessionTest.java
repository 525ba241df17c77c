package io.meterbridge.iec62056;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readout sequence step by step, fed by hand: modes A, B and C, echoes, timeouts, bad bytes. */
class Iec62056ReadoutSessionTest {

    private static final ReadoutOptions UH50 = ReadoutOptions.landisGyrUltraheat();
    private static final byte[] UH50_BLOCK = Readouts.block(Readouts.dataLines(Readouts.UH50_GJ), 'h');

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static Step.Receive receive(String expecting) {
        return new Step.Receive(Duration.ofSeconds(2), expecting);
    }

    @Test
    void startWakesTheMeterAndRequests() {
        ReadoutSession s = new ReadoutSession(UH50);
        assertEquals(List.of(new Step.SetBaudRate(300), new Step.Transmit(new byte[40]),
                new Step.Transmit(Readouts.ascii("/?!\r\n")), receive("identification /XXXZ<ident> at 300 Bd")), s.start());
        assertEquals(ReadoutSession.State.AWAITING_IDENTIFICATION, s.state());
        assertThrows(IllegalStateException.class, s::start);
    }

    @Test
    void batteryWakeUpPausesBeforeTheRequestWithAnAddress() {
        ReadoutSession s = new ReadoutSession(UH50.withWakeUp(WakeUp.battery()).withRequest(new RequestMessage("66153690")));
        List<Step> steps = s.start();
        assertEquals(new Step.Transmit(new byte[66]), steps.get(1));
        assertEquals(new Step.Pause(Duration.ofMillis(1600)), steps.get(2));
        assertEquals(new Step.Transmit(Readouts.ascii("/?66153690!\r\n")), steps.get(3));
    }

    @Test
    void noWakeUpSendsOnlyTheRequest() {
        List<Step> steps = new ReadoutSession(UH50.withWakeUp(WakeUp.NONE)).start();
        assertEquals(3, steps.size());
        assertEquals(new Step.Transmit(Readouts.ascii("/?!\r\n")), steps.get(1));
    }

    @Test
    void modeBFollowsTheMeterToItsSpeed() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        assertEquals(List.of(new Step.SetBaudRate(2400), receive("data block STX … ETX BCC at 2400 Bd")),
                s.received(Readouts.ascii("/LUGCUH50\r\n")));
        assertEquals(ReadoutSession.State.AWAITING_DATA, s.state());
        assertEquals("UH50", s.identification().ident());
        List<Step> done = s.received(UH50_BLOCK);
        Readout r = assertInstanceOf(Step.Completed.class, done.get(0)).readout();
        assertEquals(ProtocolMode.B, r.mode());
        assertEquals(2400, r.baudRate());
        assertEquals(66, r.dataBlock().dataSets().size());
        assertEquals(0, r.skippedBytes());
        assertEquals(ReadoutSession.State.COMPLETE, s.state());
        assertThrows(IllegalStateException.class, () -> s.received(new byte[1]));
    }

    @Test
    void byteByByte() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        List<Step> all = new ArrayList<>();
        byte[] bytes = concat(Readouts.ascii("/LUGCUH50\r\n"));
        for (int i = 0; i < bytes.length; i++) {
            all.addAll(s.received(bytes, i, 1));
        }
        for (int i = 0; i < UH50_BLOCK.length; i++) {
            all.addAll(s.received(UH50_BLOCK, i, 1));
        }
        assertEquals(3, all.size());
        assertInstanceOf(Step.Completed.class, all.get(2));
    }

    @Test
    void modeCAcknowledgesAndSwitches() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        assertEquals(List.of(new Step.Transmit(new byte[] {0x06, '0', '5', '0', '\r', '\n'}), new Step.SetBaudRate(9600),
                receive("data block STX … ETX BCC at 9600 Bd")), s.received(Readouts.ascii("/ISk5\\2MT382-1000\r\n")));
        Readout r = assertInstanceOf(Step.Completed.class, s.received(Readouts.frame("1.8.0(001234.5*kWh)\r\n!\r\n")).get(0))
                .readout();
        assertEquals(9600, r.baudRate());
        assertEquals(ProtocolMode.C, r.mode());
    }

    @Test
    void modeCAsksForNoMoreThanTheMaximum() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50.withMaxBaudRate(3000));
        s.start();
        List<Step> steps = s.received(Readouts.ascii("/Els6\\2EK280\r\n"));
        assertEquals(new Step.Transmit(new byte[] {0x06, '0', '3', '0', '\r', '\n'}), steps.get(0));
        assertEquals(new Step.SetBaudRate(2400), steps.get(1));
    }

    @Test
    void modeCAt300StaysAt300() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        List<Step> steps = s.received(Readouts.ascii("/ABC0METER\r\n"));
        assertEquals(2, steps.size());
        assertEquals(new Step.Transmit(new byte[] {0x06, '0', '0', '0', '\r', '\n'}), steps.get(0));
        assertInstanceOf(Step.Receive.class, steps.get(1));
    }

    @Test
    void modeAReadsTheBlockAt300EvenInTheSameChunk() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        List<Step> steps = s.received(concat(Readouts.ascii("/ABC@METER\r\n"), Readouts.frame("0.0(42)\r\n!\r\n")));
        Readout r = assertInstanceOf(Step.Completed.class, steps.get(0)).readout();
        assertEquals(ProtocolMode.A, r.mode());
        assertEquals(300, r.baudRate());
        assertEquals("42", r.dataBlock().dataSet("0.0").orElseThrow().value().text());
    }

    @Test
    void anEchoingHeadIsSkipped() throws Exception {
        // ultraheat-api test_read_port_with_echo: a half-duplex head echoes the NULs and the request
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        assertEquals(List.of(), s.received(concat(new byte[40], Readouts.ascii("\r\n/?!\r\n"))));
        assertEquals(2, s.received(Readouts.ascii("/LUGCUH50\r\n")).size());
        Readout r = assertInstanceOf(Step.Completed.class, s.received(UH50_BLOCK).get(0)).readout();
        assertEquals(47, r.skippedBytes());
    }

    @Test
    void emptyLinesBeforeTheIdentificationAreSkipped() throws Exception {
        // ultraheat-api: "Landis+Gyr UltraHeat T550 outputs two blank lines instead of a model number"
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        assertEquals(List.of(), s.received(Readouts.ascii("\r\n\r\n")));
        Iec62056TimeoutException e = assertThrows(Iec62056TimeoutException.class, s::timedOut);
        assertEquals("expected the identification /XXXZ<ident> CR LF within 2000 ms of the request, found nothing"
                + " (only 4 other bytes)", e.getMessage());
        assertEquals(ReadoutSession.State.AWAITING_IDENTIFICATION, e.state());
        assertEquals(ReadoutSession.State.FAILED, s.state());
    }

    @Test
    void bytesReadAt300AfterAModeBIdentificationAreNotData() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        s.received(Readouts.ascii("/LUGCUH50\r\n\u0000\u007f\u0002"));
        Readout r = assertInstanceOf(Step.Completed.class, s.received(UH50_BLOCK).get(0)).readout();
        assertEquals(3, r.skippedBytes());
    }

    @Test
    void noAnswer() {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        Iec62056TimeoutException e = assertThrows(Iec62056TimeoutException.class, s::timedOut);
        assertEquals("expected the identification /XXXZ<ident> CR LF within 2000 ms of the request, found nothing",
                e.getMessage());
        assertThrows(IllegalStateException.class, s::timedOut);
    }

    @Test
    void identificationCutShort() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        s.received(Readouts.ascii("/LUGCU"));
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, s::timedOut);
        assertEquals("expected CR LF ending the identification, found silence after '/LUGCU' (line 1, byte 6)", e.getMessage());
    }

    @Test
    void identificationWithoutEnd() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class,
                () -> s.received(Readouts.ascii("/LUGCUH50UH50UH50UH50UH50")));
        assertEquals("expected CR LF ending the identification within 23 bytes, found '/LUGCUH50UH50UH50UH50UH'",
                e.reason());
        assertEquals(22, e.offset());
        assertEquals(ReadoutSession.State.FAILED, s.state());
    }

    @Test
    void malformedIdentificationFailsTheSession() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, () -> s.received(Readouts.ascii("/LUGGUH50\r\n")));
        assertEquals("expected a baud rate character of mode B, found 'G', which is reserved", e.reason());
        assertEquals(ReadoutSession.State.FAILED, s.state());
    }

    @Test
    void tooMuchNoise() {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, () -> s.received(new byte[600]));
        assertEquals("expected '/' starting the identification, found 513 other bytes first", e.reason());
    }

    @Test
    void noDataBlock() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        s.received(Readouts.ascii("/LUGCUH50\r\n"));
        Iec62056TimeoutException e = assertThrows(Iec62056TimeoutException.class, s::timedOut);
        assertEquals("expected the data block STX … ETX BCC at 2400 Bd within 2000 ms, found nothing", e.getMessage());
        assertEquals(ReadoutSession.State.AWAITING_DATA, e.state());
    }

    @Test
    void dataBlockCutShort() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        s.received(Readouts.ascii("/LUGCUH50\r\n"));
        s.received(UH50_BLOCK, 0, 200);
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, s::timedOut);
        assertEquals("expected ETX (0x03) ending the data block, found the end of the data after 200 bytes", e.reason());
        assertEquals(200, e.offset());
        assertEquals(5, e.lineNumber());
    }

    @Test
    void dataBlockWithoutBcc() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        s.received(Readouts.ascii("/LUGCUH50\r\n"));
        s.received(UH50_BLOCK, 0, UH50_BLOCK.length - 1);
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, s::timedOut);
        assertEquals("expected the BCC after ETX, found the end of the data", e.reason());
    }

    @Test
    void badBcc() throws Exception {
        ReadoutSession s = new ReadoutSession(UH50);
        s.start();
        s.received(Readouts.ascii("/LUGCUH50\r\n"));
        byte[] bad = UH50_BLOCK.clone();
        bad[bad.length - 1] = 'i';
        Iec62056BccException e = assertThrows(Iec62056BccException.class, () -> s.received(bad));
        assertEquals('h', e.expected());
        assertEquals('i', e.found());
        assertEquals(ReadoutSession.State.FAILED, s.state());
    }

    @Test
    void blockTooLong() throws Exception {
        ReadoutSession s = new ReadoutSession(new ReadoutOptions(WakeUp.NONE, RequestMessage.ANY, 9600, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, 100));
        s.start();
        s.received(Readouts.ascii("/LUGCUH50\r\n"));
        Iec62056FormatException e = assertThrows(Iec62056FormatException.class, () -> s.received(UH50_BLOCK));
        assertEquals("expected ETX within 100 bytes of STX, found more", e.reason());
        assertEquals(99, e.offset());
        assertTrue(e.lineNumber() >= 2);
    }
}
