package io.meterbridge.p1.dlms;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * A COSEM date-time, 12 bytes (IEC 62056-6-2 clause 4.1.6.1; Blue Book 4.1.6.1): year (2, 0xFFFF
 * not specified), month, day of month, day of week, hour, minute, second, hundredths, deviation
 * (2, signed minutes, 0x8000 not specified), clock status (bit 7: daylight saving active).
 *
 * @param local          the wall-clock time the meter sent
 * @param daylightSaving the clock status' daylight-saving bit
 */
public record CosemDateTime(LocalDateTime local, boolean daylightSaving) {

    /** Length of the encoding. */
    public static final int BYTES = 12;

    /**
     * Decodes the 12 bytes; fields sent as "not specified" (0xFF) read as 0.
     *
     * @throws DlmsFormatException when the date is not a date
     */
    public static CosemDateTime decode(byte[] b, long offset) throws DlmsFormatException {
        if (b.length != BYTES) {
            throw new DlmsFormatException("expected a date-time of 12 bytes, found " + b.length, offset);
        }
        int year = (b[0] & 0xFF) << 8 | (b[1] & 0xFF);
        try {
            LocalDateTime t = LocalDateTime.of(year, b[2] & 0xFF, b[3] & 0xFF, specified(b[5]), specified(b[6]),
                    specified(b[7]));
            int status = b[11] & 0xFF;
            return new CosemDateTime(t, status != 0xFF && (status & 0x80) != 0);
        } catch (DateTimeException e) {
            throw new DlmsFormatException("expected a COSEM date-time, found year " + year + " month " + (b[2] & 0xFF)
                    + " day " + (b[3] & 0xFF) + " hour " + (b[5] & 0xFF) + ": " + e.getMessage(), offset);
        }
    }

    private static int specified(byte field) {
        return (field & 0xFF) == 0xFF ? 0 : field & 0xFF;
    }
}
