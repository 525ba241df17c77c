package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.meterbridge.sim.SimBus;
import io.meterbridge.telegram.Hex;
import io.meterbridge.telegram.SecondaryAddress;

import org.junit.jupiter.api.Test;

/** The bus monitor's ring and its words for frames (EN 13757-2 table 4 control fields). */
class FrameLogTest {

    @Test
    void requestsAndAnswersInWords() {
        assertEquals("REQ_UD2 (FCB 1) to 1", FrameLog.meaning(new ShortFrame(0x7B, 1)));
        assertEquals("REQ_UD2 (FCB 0) to 89", FrameLog.meaning(new ShortFrame(0x5B, 89)));
        assertEquals("SND_NKE to 254 (broadcast)", FrameLog.meaning(new ShortFrame(0x40, 254)));
        assertEquals("ACK (E5)", FrameLog.meaning(SingleCharacter.INSTANCE));
        byte[] select = new byte[SecondaryAddress.WIRE_LENGTH];
        SecondaryAddress.parse("829371332D2C4004").toWire(select, 0);
        assertEquals("SND_UD (FCB 0) to 253 (selected meter), CI 52: select 829371332D2C4004",
                FrameLog.meaning(new LongFrame(0x53, 253, 0x52, select)));
    }

    @Test
    void aMeterAnswerNamesItsSenderAndRecords() throws Exception {
        // the MULTICAL 403 simulator's first telegram, as the bus carried it
        SimBus bus = SimBus.standard(Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC));
        Frame answer = Frames.parse(bus.handle(new ShortFrame(0x7B, 89), 2400).bytes());
        String words = FrameLog.meaning(answer);
        assertTrue(words.startsWith("RSP_UD from 89, CI 72: KAM 77447744, access "), words);
        assertTrue(words.endsWith(" records, more follow"), words);
    }

    @Test
    void iec62056CharactersAsText() {
        byte[] wakeUpAndRequest = new byte[40 + 5];
        System.arraycopy("/?!\r\n".getBytes(StandardCharsets.US_ASCII), 0, wakeUpAndRequest, 40, 5);
        assertEquals("40 × <NUL> /?!<CR><LF>", FrameLog.text(wakeUpAndRequest));
        // 7E1: a character with its parity bit set is the same character
        assertEquals("identification /LUG", FrameLog.iecAnswer(new byte[] {(byte) 0xAF, 'L', 'U', 'G'}));
        assertEquals("data block, 8 bytes: 6.8(1)<ETX>", FrameLog.iecAnswer(new byte[] {0x02, '6', '.', '8', '(', '1', ')', 0x03}));
        assertEquals("no answer", FrameLog.iecAnswer(new byte[0]));
        String longText = FrameLog.text("x".repeat(500).getBytes(StandardCharsets.US_ASCII));
        assertEquals(FrameLog.TEXT + 1, longText.length(), "cut, with an ellipsis");
    }

    @Test
    void keepsTheLastExchangesWithSilenceAndErrorsInWords() {
        FrameLog log = new FrameLog();
        Instant t = Instant.parse("2026-12-04T18:00:00Z");
        for (int i = 0; i < FrameLog.CAPACITY + 5; i++) {
            log.add(t.plusSeconds(i), new ShortFrame(0x5B, 1), new FrameReader.Silence(0), null, 100);
        }
        log.add(t, new ShortFrame(0x5B, 2), new FrameReader.Silence(3), null, 100);
        log.add(t, new ShortFrame(0x5B, 3), null, new ChecksumMismatchException(0x12, 0x13, 40), 12);
        List<FrameExchange> recent = log.recent();
        assertEquals(FrameLog.CAPACITY, recent.size());
        assertEquals("no answer", recent.get(0).answerMeaning());
        assertEquals("no answer (3 bytes of noise)", recent.get(recent.size() - 2).answerMeaning());
        FrameExchange bad = recent.get(recent.size() - 1);
        assertEquals("10 5B 03 5E 16", bad.request());
        assertEquals("", bad.answer());
        assertEquals(new ChecksumMismatchException(0x12, 0x13, 40).getMessage(), bad.answerMeaning());
        assertEquals(Hex.format(new ShortFrame(0x5B, 3).toBytes()), bad.request());
    }
}
