package io.meterbridge.iec62056;

/**
 * The acknowledgement/option select message of mode C: {@code ACK V Z Y CR LF}, sent at 300 Bd
 * after the identification. The meter switches to the speed {@code Z} and answers there.
 *
 * @param protocolControl {@code V}: {@code '0'} the normal protocol procedure, {@code '1'} the
 *                        secondary one, {@code '2'} HDLC; {@code '3'}–{@code '9'} reserved
 * @param baudCharacter   {@code Z}: the speed, a mode C character {@code '0'}–{@code '6'} not above
 *                        the meter's own
 * @param modeControl     {@code Y}: {@code '0'} data readout, {@code '1'} programming mode,
 *                        {@code '2'} binary mode (HDLC), {@code '3'}–{@code '5'} and {@code 'A'}–{@code 'Z'}
 *                        reserved, {@code '6'}–{@code '9'} manufacturer-specific
 *
 * <p>The meanings of {@code V} and {@code Y} are those of iisys-hof/libIEC62056 (its
 * {@code ProtocolControlCharacter}, {@code ModeControlCharacter}); lvzon's notes and
 * pwitab/iec62056-21 agree on {@code '0'}/{@code '0'} for a readout and {@code Y = '1'} for programming.
 */
public record OptionSelectMessage(char protocolControl, char baudCharacter, char modeControl) {

    public static final byte ACK = 0x06;

    public OptionSelectMessage {
        if (protocolControl < '0' || protocolControl > '2') {
            throw new IllegalArgumentException("expected protocol control '0', '1' or '2', found '" + protocolControl + "'");
        }
        if (ProtocolMode.of(baudCharacter) != ProtocolMode.C || ProtocolMode.C.reserved(baudCharacter)) {
            throw new IllegalArgumentException("expected a mode C baud rate character '0'..'6', found '" + baudCharacter + "'");
        }
        if (modeControl < 0x21 || modeControl > 0x7E) {
            throw new IllegalArgumentException("expected a printable mode control character, found 0x"
                    + Integer.toHexString(modeControl));
        }
    }

    /** {@code ACK 0 Z 0 CR LF}: read out the data at the speed {@code Z}. */
    public static OptionSelectMessage dataReadout(char baudCharacter) {
        return new OptionSelectMessage('0', baudCharacter, '0');
    }

    /** The speed the message asks for. */
    public int baudRate() {
        return ProtocolMode.C.baudRate(baudCharacter);
    }

    /** The bytes to send. */
    public byte[] bytes() {
        return new byte[] {ACK, (byte) protocolControl, (byte) baudCharacter, (byte) modeControl, '\r', '\n'};
    }
}
