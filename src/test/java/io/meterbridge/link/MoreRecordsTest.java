package io.meterbridge.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;
import org.junit.jupiter.api.Test;

class MoreRecordsTest {

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
        assertTrue(MoreRecords.follow(frame("04 06 0D 00 00 00 1F")));
        assertTrue(MoreRecords.follow(frame("04 06 0D 00 00 00 2F 2F 1F AA BB")), "manufacturer data may follow 1F");
        assertFalse(MoreRecords.follow(frame("04 06 0D 00 00 00 0F 1F")), "1F inside 0F manufacturer data");
        assertFalse(MoreRecords.follow(frame("04 06 1F 1F 1F 1F 02 59 48 09")), "1F bytes inside a value");
        assertFalse(MoreRecords.follow(frame("0D 78 03 1F 1F 1F 02 59 48 09")), "1F inside LVAR text");
        assertTrue(MoreRecords.follow(frame("84 80 40 14 01 02 03 04 02 FD 17 00 00 1F")), "DIFEs and VIFEs walked");
        assertFalse(MoreRecords.follow(new LongFrame(0x08, 1, 0x70, new byte[] {0x1F})));
    }
}
