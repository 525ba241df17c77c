package io.meterbridge.kmp;

/**
 * The commands this package speaks, by command id (CID): Kamstrup protocol description 6.2.1,
 * 6.2.2 and 6.2.4 as quoted in PyKMP ({@code constants.CommandId}, {@code messages.py}), the same
 * ids in MeterLogger ({@code kmp.c}) and ESPHome ({@code 0x10} only).
 *
 * <p>Not implemented: SetClock 0x09, PutRegister 0x11, GetEventStatus 0x9B, ClearEventStatus 0x9C
 * and the logger commands 0xA0–0xA3 (PyKMP lists them); reading a heat meter needs none of them,
 * and SetClock and PutRegister change the meter.
 */
public enum KmpCommand {
    /** The meter type and software revision; no request data. */
    GET_TYPE(0x01, "GetType"),
    /** The serial number; no request data. */
    GET_SERIAL_NO(0x02, "GetSerialNo"),
    /** Up to eight registers by id. */
    GET_REGISTER(0x10, "GetRegister");

    private final int id;
    private final String protocolName;

    KmpCommand(int id, String protocolName) {
        this.id = id;
        this.protocolName = protocolName;
    }

    /** The CID byte. */
    public int id() {
        return id;
    }

    /** The name the protocol description uses ({@code "GetRegister"}). */
    public String protocolName() {
        return protocolName;
    }

    /** The command with this CID, or {@code null}. */
    static KmpCommand of(int id) {
        for (KmpCommand c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    /** {@code "GetRegister (CID 0x10)"}, for messages. */
    String label() {
        return protocolName + " (CID " + KmpStuffing.hex(id) + ")";
    }
}
