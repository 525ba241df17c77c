package io.meterbridge.p1.dlms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The data-notification APDU (IEC 62056-5-3 clause 9.3.11, tag {@code 0x0F}) a meter pushes on
 * its HAN port:
 *
 * <pre>
 * 0F | long-invoke-id-and-priority (4) | date-time (octet-string: length, 0 or 12 bytes) | notification-body (Data)
 * </pre>
 *
 * @param invokeIdAndPriority the 32-bit long-invoke-id-and-priority
 * @param dateTime            the 12-byte COSEM date-time (IEC 62056-6-2 clause 4.1.6.1), empty when the
 *                            meter sends none (Aidon, Kaifa)
 * @param body                the notification body: the push list's structure or array
 */
public record DataNotification(long invokeIdAndPriority, Optional<byte[]> dateTime, DlmsData body) {

    /** The APDU tag. */
    public static final int TAG = 0x0F;

    /**
     * Decodes one APDU.
     *
     * @param apdu   the APDU, tag first
     * @param offset the APDU's stream offset, added to error offsets
     * @throws DlmsFormatException saying what was expected and found where
     */
    public static DataNotification parse(byte[] apdu, long offset) throws DlmsFormatException {
        AxdrDecoder d = new AxdrDecoder(apdu, 0, offset);
        int tag = d.u8("an APDU tag");
        if (tag != TAG) {
            throw new DlmsFormatException(String.format("expected data-notification tag 0F, found %02X%s", tag,
                    tag == 0xDB ? " (general-glo-ciphering: the meter encrypts, set decryptionKey)" : ""), offset);
        }
        byte[] id = d.take(4, "long-invoke-id-and-priority");
        long invokeId = ((id[0] & 0xFFL) << 24) | ((id[1] & 0xFF) << 16) | ((id[2] & 0xFF) << 8) | (id[3] & 0xFF);
        int at = d.position();
        if ((apdu.length > at) && (apdu[at] & 0xFF) == AxdrType.OCTET_STRING.tag()) {
            // Kaifa tags the date-time as an A-XDR octet-string (09 0C …); others send the length alone.
            // 9 is no valid date-time length, so the byte is the tag.
            d.u8("the octet-string tag");
            at = d.position();
        }
        int n = d.length();
        if (n != 0 && n != 12) {
            throw new DlmsFormatException("expected a date-time of 0 or 12 bytes, found " + n, offset + at);
        }
        Optional<byte[]> dateTime = n == 0 ? Optional.empty() : Optional.of(d.take(12, "date-time"));
        DlmsData body = d.read();
        if (d.hasMore()) {
            throw new DlmsFormatException("expected the end of the APDU after the notification body, found "
                    + (apdu.length - d.position()) + " more bytes", offset + d.position());
        }
        return new DataNotification(invokeId, dateTime, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataNotification n && invokeIdAndPriority == n.invokeIdAndPriority
                && dateTime.isPresent() == n.dateTime.isPresent()
                && (dateTime.isEmpty() || Arrays.equals(dateTime.get(), n.dateTime.get())) && body.equals(n.body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(invokeIdAndPriority) * 31 + body.hashCode();
    }
}
