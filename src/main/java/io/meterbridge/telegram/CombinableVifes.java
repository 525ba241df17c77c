package io.meterbridge.telegram;

/**
 * Descriptions of the combinable (orthogonal) VIFEs, EN 13757-3 table 15, as they appear in a
 * record's description ("Energy, backward flow").
 */
final class CombinableVifes {

    private static final String[] TABLE = new String[128];
    private static final String[] DURATION = {"seconds", "minutes", "hours", "days"};

    static {
        // E000 xxxx / E001 xxxx: record error codes a slave reports (table 16)
        String[] errors = {"no error", "too many DIFEs", "storage number not implemented",
            "unit number not implemented", "tariff number not implemented", "function not implemented",
            "data class not implemented", "data size not implemented", null, null, null, "too many VIFEs",
            "illegal VIF group", "illegal VIF exponent", "VIF/DIF mismatch", "unimplemented action", null, null, null,
            null, null, "no data available (undefined value)", "data overflow", "data underflow", "data error", null,
            null, null, "premature end of record", null, null, null};
        for (int i = 0; i < 0x20; i++) {
            TABLE[i] = errors[i] != null ? "error: " + errors[i] : String.format("reserved record error 0x%02X", i);
        }
        String[] per = {"per second", "per minute", "per hour", "per day", "per week", "per month", "per year",
            "per revolution / measurement", "increment per input pulse on channel 0",
            "increment per input pulse on channel 1", "increment per output pulse on channel 0",
            "increment per output pulse on channel 1", "per litre", "per m³", "per kg", "per K", "per kWh", "per GJ",
            "per kW", "per (K·l)", "per V", "per A", "multiplied by s", "multiplied by s/V", "multiplied by s/A",
            "start date(/time) of", "uncorrected meter unit", "forward flow", "backward flow",
            "reserved for non-metric unit systems", "value at base conditions", "OBIS declaration"};
        for (int i = 0; i < per.length; i++) {
            TABLE[0x20 + i] = per[i];
        }
        for (int u = 0; u < 2; u++) {
            String limit = u == 0 ? "lower" : "upper";
            int base = 0x40 | u << 3;
            TABLE[base] = limit + " limit value";
            TABLE[base + 1] = "number of exceedances of " + limit + " limit";
            for (int f = 0; f < 2; f++) {
                for (int b = 0; b < 2; b++) {
                    TABLE[base | f << 2 | 2 | b] = "date(/time) of " + (b == 0 ? "begin" : "end") + " of "
                            + (f == 0 ? "first" : "last") + " " + limit + " limit exceedance";
                }
                for (int nn = 0; nn < 4; nn++) {
                    TABLE[0x50 | u << 3 | f << 2 | nn] = "duration of " + (f == 0 ? "first" : "last") + " " + limit
                            + " limit exceedance, " + DURATION[nn];
                }
            }
        }
        for (int f = 0; f < 2; f++) {
            for (int nn = 0; nn < 4; nn++) {
                // E110 0fnn: duration of (first/last) ...
                TABLE[0x60 | f << 2 | nn] = "duration of " + (f == 0 ? "first" : "last") + ", " + DURATION[nn];
            }
            for (int b = 0; b < 2; b++) {
                // E110 1f1b: date(/time) of (first/last) (begin/end)
                TABLE[0x68 | f << 2 | 2 | b] = "date(/time) of " + (f == 0 ? "first" : "last") + " "
                        + (b == 0 ? "begin" : "end");
            }
        }
        // E110 1u00: value during lower/upper limit exceedance (EN 13757-3:2013)
        TABLE[0x68] = "value during lower limit exceedance";
        TABLE[0x6C] = "value during upper limit exceedance";
        TABLE[0x69] = "reserved VIFE 0x69";
        TABLE[0x6D] = "reserved VIFE 0x6D";
        for (int n = 0; n < 8; n++) {
            TABLE[0x70 + n] = "multiplicative correction factor 1e" + (n - 6);
        }
        for (int n = 0; n < 4; n++) {
            TABLE[0x78 + n] = "additive correction constant 1e" + (n - 3);
        }
        TABLE[0x7C] = "extension of combinable VIFE";
        TABLE[0x7D] = "multiplicative correction factor 1e3";
        TABLE[0x7E] = "future value";
        TABLE[0x7F] = "manufacturer specific";
    }

    private static final CombinableVife[] FIRST = new CombinableVife[128];
    private static final CombinableVife[] SECOND = new CombinableVife[128];

    static {
        for (int i = 0; i < 128; i++) {
            FIRST[i] = new CombinableVife(i, false, describe(i, false));
            SECOND[i] = new CombinableVife(i, true, describe(i, true));
        }
    }

    private CombinableVifes() {
    }

    /** The (shared, immutable) combinable VIFE of a code. */
    static CombinableVife of(int code, boolean secondTable) {
        return (secondTable ? SECOND : FIRST)[code];
    }

    /** The description of a combinable VIFE (extension bit already cleared). */
    static String describe(int code, boolean secondTable) {
        if (secondTable) {
            // The second combinable table (after 0x7C, EN 13757-3:2013) is kept by code; the
            // edition we could verify names no entries a wired heat or water meter sends.
            return String.format("extension VIFE 0x%02X", code);
        }
        return TABLE[code];
    }

    /** True for the VIFEs that say the data are a point in time (start date of, limit exceedance dates). */
    static boolean isDate(int code) {
        return code == 0x39 || (code >= 0x42 && code <= 0x4F && (code & 0x02) != 0)
                || code == 0x6A || code == 0x6B || code == 0x6E || code == 0x6F;
    }
}
