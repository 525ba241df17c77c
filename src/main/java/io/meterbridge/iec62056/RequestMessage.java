package io.meterbridge.iec62056;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The request that opens every IEC 62056-21 exchange in modes A–C: {@code / ? Device address ! CR LF},
 * sent at 300 Bd 7E1 after the wake-up. Without an address ({@code /?!}) every meter in front of
 * the head answers, which on an optical eye is the one meter there; with one, only the meter whose
 * address it is (typically its serial number; leading zeros may be left out).
 *
 * @param deviceAddress up to 32 characters, empty for none
 */
public record RequestMessage(String deviceAddress) {

    /** {@code /?!} CR LF. */
    public static final RequestMessage ANY = new RequestMessage("");

    public RequestMessage {
        Objects.requireNonNull(deviceAddress, "deviceAddress");
        if (deviceAddress.length() > 32) {
            throw new IllegalArgumentException("a device address has at most 32 characters, found " + deviceAddress.length());
        }
        for (int i = 0; i < deviceAddress.length(); i++) {
            char c = deviceAddress.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '/' || c == '!' || c == '?') {
                throw new IllegalArgumentException("a device address is printable and has no '/', '?' or '!', found '"
                        + deviceAddress + "'");
            }
        }
    }

    /** The bytes to send. */
    public byte[] bytes() {
        return ("/?" + deviceAddress + "!\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
