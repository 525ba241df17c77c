package io.meterbridge.telegram;

/**
 * The medium (device type) byte of the header, EN 13757-3:2018 table 12 (as listed by exmbus
 * and libmbus). Codes without a name in the table are {@code reserved}.
 */
public final class Medium {

    private static final String[] NAMES = new String[256];

    static {
        String[][] table = {
            {"00", "other"}, {"01", "oil"}, {"02", "electricity"}, {"03", "gas"},
            {"04", "heat (outlet)"}, {"05", "steam"}, {"06", "warm water"}, {"07", "water"},
            {"08", "heat cost allocator"}, {"09", "compressed air"}, {"0A", "cooling (outlet)"},
            {"0B", "cooling (inlet)"}, {"0C", "heat (inlet)"}, {"0D", "heat / cooling"},
            {"0E", "bus / system component"}, {"0F", "unknown"}, {"10", "irrigation water"},
            {"11", "water data logger"}, {"12", "gas data logger"}, {"13", "gas converter"},
            {"14", "calorific value"}, {"15", "hot water"}, {"16", "cold water"},
            {"17", "dual register (hot/cold) water"}, {"18", "pressure"}, {"19", "A/D converter"},
            {"1A", "smoke detector"}, {"1B", "room sensor"}, {"1C", "gas detector"},
            {"1D", "reserved for sensors"}, {"1E", "reserved for sensors"}, {"1F", "reserved for sensors"},
            {"20", "breaker (electricity)"}, {"21", "valve (gas or water)"},
            {"22", "reserved for switching devices"}, {"23", "reserved for switching devices"},
            {"24", "reserved for switching devices"}, {"25", "customer unit (display)"},
            {"28", "waste water"}, {"29", "garbage"}, {"2A", "carbon dioxide"},
            {"31", "communication controller"}, {"32", "unidirectional repeater"},
            {"33", "bidirectional repeater"}, {"36", "radio converter (system side)"},
            {"37", "radio converter (meter side)"}, {"38", "wired adapter"},
        };
        for (String[] row : table) {
            NAMES[Integer.parseInt(row[0], 16)] = row[1];
        }
    }

    private Medium() {
    }

    /** The name of a medium code, e.g. {@code "heat (outlet)"} for 0x04; {@code "reserved"} if none. */
    public static String name(int code) {
        String name = code >= 0 && code < 256 ? NAMES[code] : null;
        return name != null ? name : "reserved";
    }

}
