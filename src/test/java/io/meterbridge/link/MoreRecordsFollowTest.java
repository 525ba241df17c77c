package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;
import org.junit.jupiter.api.Test;

/** {@link LongFrame#moreRecordsFollow()}: DIF 0x1F found by the telegram decoder's record walk. */
class MoreRecordsFollowTest {

    private static LongFrame frame(String records) {
        byte[] header = Hex.parse("33 71 93 82 2D 2C 40 04 43 10 00 00");
        byte[] r = Hex.parse(records);
        byte[] data = new byte[header.length + r.length];
        System.arraycopy(header, 0, data, 0, header.length);
        System.arraycopy(r, 0, data, header.length, r.length);
        return new LongFrame(0x08, 1, 0x72, data);
    }

    @Test
    void dif1FAsLastRecordMeansMore() {
        assertTrue(frame("04 06 0D 00 00 00 1F").moreRecordsFollow());
        assertTrue(frame("04 06 0D 00 00 00 2F 2F 1F AA BB").moreRecordsFollow(), "manufacturer data may follow 1F");
        assertTrue(frame("84 80 40 14 01 02 03 04 02 FD 17 00 00 1F").moreRecordsFollow(), "DIFEs and VIFEs walked");
    }

    @Test
    void a1FByteThatIsNotADifMeansNoMore() {
        assertFalse(frame("04 06 0D 00 00 00").moreRecordsFollow(), "records end without a special DIF");
        assertFalse(frame("04 06 0D 00 00 00 0F 1F").moreRecordsFollow(), "1F inside 0F manufacturer data");
        assertFalse(frame("04 06 1F 1F 1F 1F 02 59 48 09").moreRecordsFollow(), "1F bytes inside a value");
        assertFalse(frame("0D 78 03 1F 1F 1F 02 59 48 09").moreRecordsFollow(), "1F inside LVAR text");
        assertFalse(new LongFrame(0x08, 1, 0x70, new byte[] {0x1F}).moreRecordsFollow(), "application error reply");
    }

    @Test
    void userDataTheDecoderRejectsMeanNoMore() {
        // LVAR 0xCC is reserved (EN 13757-3 table 5): the old link-layer walker read it as 12 bytes
        // and then found this 1F; the decoder rejects the record, so no further telegram is asked for
        assertFalse(frame("0D 13 CC 00 00 00 00 00 00 00 00 00 00 00 00 1F").moreRecordsFollow());
        assertFalse(frame("04 06 0D 00").moreRecordsFollow(), "truncated value");
        assertFalse(new LongFrame(0x08, 1, 0x72, Hex.parse("33 71 93")).moreRecordsFollow(), "truncated header");
    }
}
