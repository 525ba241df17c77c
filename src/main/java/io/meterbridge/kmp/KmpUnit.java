package io.meterbridge.kmp;

import java.util.Optional;

/**
 * The unit byte of a KMP register value: what the meter says its number is in.
 *
 * <p>Codes 0–64 as in the table "provided by Erik Jensen" in bsdphk/PyKamstrup
 * ({@code kamstrup.py units}), copied into golles/ha-kamstrup_403 ({@code pykamstrup/const.py}),
 * ESPHome ({@code kamstrup_kmp.h UNITS}) and a comment on ing.dk's "Kamstrup meter protocol"
 * blog post, and in PyKMP ({@code constants.UNITS_NAMES}), which adds 65, 66 and 85–90. The
 * sources agree on every code except 21 and 25 (see there); MeterLogger ({@code kmp.c
 * kmp_unit_to_string}) names a subset and agrees on each of it (22 kW, 37 C, 40 m3, 41 l/h …).
 * Real meters confirm 3 MWh, 22 kW, 37 °C, 38 K, 40 m³ and 41 l/h (the heat meter dumps in
 * gemu2015/Sonoff-Tasmota issue 38). No source lists a plain percent: 85 and 86 are the only
 * percentages. Codes 67–84 and above 90 are not published; a value in such a unit keeps its code
 * ({@link KmpRegisterValue#unitCode()}).
 *
 * <p>Symbols are written the way SI writes them ({@code cal}, {@code t}, {@code d}, {@code min},
 * {@code m³}, {@code °C}); the sources' spellings ({@code Cal}, {@code kCal}, {@code ton},
 * {@code days}, {@code minutes}, {@code m3}, {@code C}) name the same units.
 *
 * <p>The "× 10" units (55–57) are as the meter says: the number counts tens. Date and time units
 * (47–50) carry a decimal number whose digits are the date or time, see
 * {@link KmpRegisterValue#date()} and {@link KmpRegisterValue#time()}.
 */
public enum KmpUnit {
    /** 0 (0x00): no unit; no unit (a number). */
    NONE(0, ""),
    /** 1 (0x01): Wh. */
    WH(1, "Wh"),
    /** 2 (0x02): kWh. */
    KWH(2, "kWh"),
    /** 3 (0x03): MWh. */
    MWH(3, "MWh"),
    /** 4 (0x04): GWh. */
    GWH(4, "GWh"),
    /** 5 (0x05): J. */
    J(5, "J"),
    /** 6 (0x06): kJ. */
    KJ(6, "kJ"),
    /** 7 (0x07): MJ. */
    MJ(7, "MJ"),
    /** 8 (0x08): GJ. */
    GJ(8, "GJ"),
    /** 9 (0x09): cal. */
    CAL(9, "cal"),
    /** 10 (0x0A): kcal. */
    KCAL(10, "kcal"),
    /** 11 (0x0B): Mcal. */
    MCAL(11, "Mcal"),
    /** 12 (0x0C): Gcal. */
    GCAL(12, "Gcal"),
    /** 13 (0x0D): varh. */
    VARH(13, "varh"),
    /** 14 (0x0E): kvarh. */
    KVARH(14, "kvarh"),
    /** 15 (0x0F): Mvarh. */
    MVARH(15, "Mvarh"),
    /** 16 (0x10): Gvarh. */
    GVARH(16, "Gvarh"),
    /** 17 (0x11): VAh. */
    VAH(17, "VAh"),
    /** 18 (0x12): kVAh. */
    KVAH(18, "kVAh"),
    /** 19 (0x13): MVAh. */
    MVAH(19, "MVAh"),
    /** 20 (0x14): GVAh. */
    GVAH(20, "GVAh"),
    /**
     * 21 (0x15): W; watt; PyKMP. bsdphk/PyKamstrup, golles/ha-kamstrup_403 and ESPHome write "kW" here as
     * well as at 22, a duplicate that breaks the W, kW, MW, GW series of 21–24.
     */
    W(21, "W"),
    /** 22 (0x16): kW. */
    KW(22, "kW"),
    /** 23 (0x17): MW. */
    MW(23, "MW"),
    /** 24 (0x18): GW. */
    GW(24, "GW"),
    /**
     * 25 (0x19): var; PyKMP. bsdphk/PyKamstrup, golles/ha-kamstrup_403 and ESPHome write "kvar" here as
     * well as at 26, the same duplicate as at 21.
     */
    VAR(25, "var"),
    /** 26 (0x1A): kvar. */
    KVAR(26, "kvar"),
    /** 27 (0x1B): Mvar. */
    MVAR(27, "Mvar"),
    /** 28 (0x1C): Gvar. */
    GVAR(28, "Gvar"),
    /** 29 (0x1D): VA. */
    VA(29, "VA"),
    /** 30 (0x1E): kVA. */
    KVA(30, "kVA"),
    /** 31 (0x1F): MVA. */
    MVA(31, "MVA"),
    /** 32 (0x20): GVA. */
    GVA(32, "GVA"),
    /** 33 (0x21): V. */
    V(33, "V"),
    /** 34 (0x22): A. */
    A(34, "A"),
    /** 35 (0x23): kV. */
    KV(35, "kV"),
    /** 36 (0x24): kA. */
    KA(36, "kA"),
    /** 37 (0x25): °C; a temperature (T1, T2, T3, T4). */
    CELSIUS(37, "°C"),
    /** 38 (0x26): K; a temperature difference (T1−T2). */
    KELVIN(38, "K"),
    /** 39 (0x27): l. */
    LITRE(39, "l"),
    /** 40 (0x28): m³. */
    CUBIC_METRE(40, "m³"),
    /** 41 (0x29): l/h. */
    LITRE_PER_HOUR(41, "l/h"),
    /** 42 (0x2A): m³/h. */
    CUBIC_METRE_PER_HOUR(42, "m³/h"),
    /** 43 (0x2B): m³·°C; volume times temperature, the unit of E8 and E9. */
    CUBIC_METRE_CELSIUS(43, "m³·°C"),
    /** 44 (0x2C): t. */
    TONNE(44, "t"),
    /** 45 (0x2D): t/h. */
    TONNE_PER_HOUR(45, "t/h"),
    /** 46 (0x2E): h. */
    HOUR(46, "h"),
    /** 47 (0x2F): hh:mm:ss; a clock time written as the decimal number hhmmss. */
    TIME_HHMMSS(47, "hh:mm:ss"),
    /** 48 (0x30): yy:mm:dd; a date written as the decimal number yymmdd. */
    DATE_YYMMDD(48, "yy:mm:dd"),
    /** 49 (0x31): yyyy:mm:dd; a date written as the decimal number yyyymmdd. */
    DATE_YYYYMMDD(49, "yyyy:mm:dd"),
    /** 50 (0x32): mm:dd; a day of the year written as the decimal number mmdd. */
    DATE_MMDD(50, "mm:dd"),
    /** 51 (0x33): no unit; no unit (a number); MeterLogger calls it "number". */
    NUMBER(51, ""),
    /** 52 (0x34): bar. */
    BAR(52, "bar"),
    /** 53 (0x35): RTC; a real-time clock value; its layout is not published. */
    RTC(53, "RTC"),
    /** 54 (0x36): ASCII; text; its layout is not published. */
    ASCII(54, "ASCII"),
    /** 55 (0x37): m³ × 10; a volume counted in tens of m³. */
    CUBIC_METRE_X10(55, "m³ × 10"),
    /** 56 (0x38): t × 10; a mass counted in tens of tonnes. */
    TONNE_X10(56, "t × 10"),
    /** 57 (0x39): GJ × 10; an energy counted in tens of GJ. */
    GJ_X10(57, "GJ × 10"),
    /** 58 (0x3A): min. */
    MINUTE(58, "min"),
    /** 59 (0x3B): bitfield; bits, not a quantity (info codes). */
    BITFIELD(59, "bitfield"),
    /** 60 (0x3C): s. */
    SECOND(60, "s"),
    /** 61 (0x3D): ms. */
    MILLISECOND(61, "ms"),
    /** 62 (0x3E): d. */
    DAY(62, "d"),
    /** 63 (0x3F): RTC-Q; a real-time clock value; its layout is not published. */
    RTC_Q(63, "RTC-Q"),
    /** 64 (0x40): datetime; a date and time; its layout is not published. */
    DATETIME(64, "datetime"),
    /** 65 (0x41): imp/l; PyKMP only. */
    IMPULSES_PER_LITRE(65, "imp/l"),
    /** 66 (0x42): l/imp; PyKMP only. */
    LITRES_PER_IMPULSE(66, "l/imp"),
    /** 85 (0x55): %RH; relative humidity; PyKMP only. */
    PERCENT_RH(85, "%RH"),
    /** 86 (0x56): %O₂; oxygen; PyKMP only. */
    PERCENT_O2(86, "%O₂"),
    /** 87 (0x57): m/s; PyKMP only. */
    METRE_PER_SECOND(87, "m/s"),
    /** 88 (0x58): kJ/kg; PyKMP only. */
    KJ_PER_KG(88, "kJ/kg"),
    /** 89 (0x59): pH; PyKMP only. */
    PH(89, "pH"),
    /** 90 (0x5A): g/kg; PyKMP only. */
    G_PER_KG(90, "g/kg");

    private static final KmpUnit[] BY_CODE = new KmpUnit[256];

    static {
        for (KmpUnit u : values()) {
            BY_CODE[u.code] = u;
        }
    }

    private final int code;
    private final String symbol;

    KmpUnit(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** The unit byte on the wire, 0–255. */
    public int code() {
        return code;
    }

    /** The symbol as people write it ({@code "m³"}, {@code "°C"}); empty for a plain number. */
    public String symbol() {
        return symbol;
    }

    /** The unit with this code, empty for a code no source publishes. */
    public static Optional<KmpUnit> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
