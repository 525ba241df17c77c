package io.meterbridge.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * The legacy fixed data structure of CI 0x73 (LSB first) and 0x77 (MSB first), EN 1434-3 /
 * M-Bus user group: ID, access number, status, two medium/unit bytes, two 4-byte counters.
 */
final class FixedStructure {

    private static final String[] MEDIA = {"other", "oil", "electricity", "gas", "heat", "steam", "hot water",
        "water", "heat cost allocator", "reserved", "gas (mode 2)", "heat (mode 2)", "hot water (mode 2)",
        "water (mode 2)", "heat cost allocator (mode 2)", "reserved"};

    /** Unit code (6 bits) → quantity, unit, exponent; from the table of the fixed structure. */
    private record Unit(Quantity quantity, String description, String unit, int exponent) {
    }

    private static final Unit[] UNITS = new Unit[64];

    static {
        UNITS[0x00] = new Unit(Quantity.TIME, "Time (h,m,s)", "", 0);
        UNITS[0x01] = new Unit(Quantity.DATE, "Date (D,M,Y)", "", 0);
        String[] energyWh = {"Wh", "kWh", "MWh"};
        for (int i = 0; i < 9; i++) {
            UNITS[0x02 + i] = new Unit(Quantity.ENERGY, "Energy", energyWh[i / 3], i % 3);
        }
        String[] energyJ = {"kJ", "MJ", "GJ"};
        for (int i = 0; i < 9; i++) {
            UNITS[0x0B + i] = new Unit(Quantity.ENERGY, "Energy", energyJ[i / 3], i % 3);
        }
        String[] power = {"W", "kW", "MW"};
        for (int i = 0; i < 9; i++) {
            UNITS[0x14 + i] = new Unit(Quantity.POWER, "Power", power[i / 3], i % 3);
        }
        String[] powerJ = {"kJ/h", "MJ/h", "GJ/h"};
        for (int i = 0; i < 9; i++) {
            UNITS[0x1D + i] = new Unit(Quantity.POWER, "Power", powerJ[i / 3], i % 3);
        }
        for (int i = 0; i < 3; i++) {
            UNITS[0x26 + i] = new Unit(Quantity.VOLUME, "Volume", "L", i - 3);
            UNITS[0x29 + i] = new Unit(Quantity.VOLUME, "Volume", "L", i);
            UNITS[0x2C + i] = new Unit(Quantity.VOLUME, "Volume", "m³", i);
            UNITS[0x2F + i] = new Unit(Quantity.VOLUME_FLOW, "Volume flow", "L/h", i - 3);
            UNITS[0x32 + i] = new Unit(Quantity.VOLUME_FLOW, "Volume flow", "L/h", i);
            UNITS[0x35 + i] = new Unit(Quantity.VOLUME_FLOW, "Volume flow", "m³/h", i);
        }
        UNITS[0x38] = new Unit(Quantity.FLOW_TEMPERATURE, "Temperature", "°C", -3);
        UNITS[0x39] = new Unit(Quantity.HCA_UNITS, "Units for heat cost allocator", "", 0);
        for (int i = 0x3A; i <= 0x3D; i++) {
            UNITS[i] = new Unit(Quantity.RESERVED, "Reserved unit", "", 0);
        }
        UNITS[0x3E] = null; // "same unit as counter 1, but historic": resolved per telegram
        UNITS[0x3F] = new Unit(Quantity.DIMENSIONLESS, "Without unit", "", 0);
    }

    private FixedStructure() {
    }

    /** The name of the 4-bit medium of a fixed structure. */
    static String mediumName(int medium) {
        return MEDIA[medium & 0x0F];
    }

    static Telegram decode(int ci, byte[] f, int start, int end) throws TelegramFormatException {
        if (end - start != TelegramDecoder.FIXED_LENGTH) {
            throw new TelegramFormatException("expected " + TelegramDecoder.FIXED_LENGTH
                    + " bytes of fixed data structure after CI " + TelegramDecoder.hex2(ci) + ", found "
                    + (end - start), end - start < TelegramDecoder.FIXED_LENGTH ? end : start + TelegramDecoder.FIXED_LENGTH);
        }
        boolean msb = ci == 0x77;
        byte[] d = new byte[16];
        System.arraycopy(f, start, d, 0, 16);
        if (msb) {
            reverse(d, 0, 4);
            reverse(d, 8, 4);
            reverse(d, 12, 4);
        }
        int id = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
        int access = d[4] & 0xFF;
        int status = d[5] & 0xFF;
        int t1 = d[6] & 0xFF;
        int t2 = d[7] & 0xFF;
        int medium = (t1 >> 6) | (t2 >> 6) << 2;
        FixedData fixed = new FixedData(id, access, status, medium);
        boolean stored = fixed.countersStored();
        Unit u1 = UNITS[t1 & 0x3F] != null ? UNITS[t1 & 0x3F] : UNITS[0x3F];
        boolean historic2 = (t2 & 0x3F) == 0x3E;
        Unit u2 = historic2 ? u1 : UNITS[t2 & 0x3F];
        List<DataRecord> records = new ArrayList<>(2);
        records.add(counter(f, start + 8, d, 8, fixed, u1, stored ? 1 : 0));
        records.add(counter(f, start + 12, d, 12, fixed, u2, stored || historic2 ? 1 : 0));
        return new Telegram(ci, Telegram.Kind.FIXED_DATA, null, records, false, null, null, fixed, -1, null);
    }

    private static DataRecord counter(byte[] f, int offset, byte[] d, int at, FixedData fixed, Unit u, int storage) {
        Value v = fixed.countersBinary()
                ? new Value.Numeric(DataTypes.integer(d, at, 4, false, u.exponent()))
                : DataTypes.bcd(d, at, 4, false, u.exponent());
        byte[] raw = new byte[4];
        System.arraycopy(f, offset, raw, 0, 4);
        return new DataRecord(offset, "", "", fixed.countersBinary() ? 0x4 : 0xC, storage, 0, 0,
                Function.INSTANTANEOUS, u.quantity(), u.description() + (storage == 1 ? ", stored" : ""), u.unit(), v,
                List.of(), null, raw);
    }

    private static void reverse(byte[] a, int off, int len) {
        for (int i = 0; i < len / 2; i++) {
            byte t = a[off + i];
            a[off + i] = a[off + len - 1 - i];
            a[off + len - 1 - i] = t;
        }
    }

}
