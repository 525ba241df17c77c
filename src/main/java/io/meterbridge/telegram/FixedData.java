package io.meterbridge.telegram;

/**
 * The header part of a legacy fixed data structure (CI 0x73 LSB first, 0x77 MSB first; EN 1434-3
 * / M-Bus user group fixed structure). Its two counters are in {@link Telegram#records()} with
 * their units decoded from the medium/unit bytes.
 *
 * @param id the identification number as eight BCD nibbles, as printed ({@code 0x12345678})
 * @param accessNumber the access number
 * @param status the status byte; bit 7 counters binary (else BCD), bit 6 stored (else actual) values
 * @param medium the 4-bit medium code of the fixed structure, from the top two bits of each
 *     medium/unit byte (0 other … 7 water, 8 heat cost allocator, 0xA–0xE mode-2 variants)
 */
public record FixedData(int id, int accessNumber, int status, int medium) {

    /** Status bit 7: counters are binary, not BCD. */
    public boolean countersBinary() {
        return (status & 0x80) != 0;
    }

    /** Status bit 6: counters are stored (historic) values, not actual ones. */
    public boolean countersStored() {
        return (status & 0x40) != 0;
    }

    /** The name of the medium code of the fixed structure ("water", "heat (mode 2)" …). */
    public String mediumName() {
        return FixedStructure.mediumName(medium);
    }

    /** The identification number as eight digits. */
    public String idText() {
        return String.format("%08X", id);
    }
}
