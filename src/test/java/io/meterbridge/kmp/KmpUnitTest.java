package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every KMP unit code against the two published tables: PyKMP {@code constants.UNITS_NAMES} and
 * the table "provided by Erik Jensen" in bsdphk/PyKamstrup {@code kamstrup.py} ("-" where it has
 * no entry); {@code ''} is an empty name.
 */
class KmpUnitTest {

    @ParameterizedTest(name = "unit {0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
              0 | NONE                   | ''           | no unit (number)   | ''
              1 | WH                     | Wh           | Wh                 | Wh
              2 | KWH                    | kWh          | kWh                | kWh
              3 | MWH                    | MWh          | MWh                | MWh
              4 | GWH                    | GWh          | GWh                | GWh
              5 | J                      | J            | J                  | j
              6 | KJ                     | kJ           | kJ                 | kj
              7 | MJ                     | MJ           | MJ                 | Mj
              8 | GJ                     | GJ           | GJ                 | Gj
              9 | CAL                    | cal          | Cal                | Cal
             10 | KCAL                   | kcal         | kCal               | kCal
             11 | MCAL                   | Mcal         | Mcal               | Mcal
             12 | GCAL                   | Gcal         | Gcal               | Gcal
             13 | VARH                   | varh         | varh               | varh
             14 | KVARH                  | kvarh        | kvarh              | kvarh
             15 | MVARH                  | Mvarh        | Mvarh              | Mvarh
             16 | GVARH                  | Gvarh        | Gvarh              | Gvarh
             17 | VAH                    | VAh          | VAh                | VAh
             18 | KVAH                   | kVAh         | kVAh               | kVAh
             19 | MVAH                   | MVAh         | MVAh               | MVAh
             20 | GVAH                   | GVAh         | GVAh               | GVAh
             21 | W                      | W            | W                  | kW
             22 | KW                     | kW           | kW                 | kW
             23 | MW                     | MW           | MW                 | MW
             24 | GW                     | GW           | GW                 | GW
             25 | VAR                    | var          | var                | kvar
             26 | KVAR                   | kvar         | kvar               | kvar
             27 | MVAR                   | Mvar         | Mvar               | Mvar
             28 | GVAR                   | Gvar         | Gvar               | Gvar
             29 | VA                     | VA           | VA                 | VA
             30 | KVA                    | kVA          | kVA                | kVA
             31 | MVA                    | MVA          | MVA                | MVA
             32 | GVA                    | GVA          | GVA                | GVA
             33 | V                      | V            | V                  | V
             34 | A                      | A            | A                  | A
             35 | KV                     | kV           | kV                 | kV
             36 | KA                     | kA           | kA                 | kA
             37 | CELSIUS                | °C           | °C                 | C
             38 | KELVIN                 | K            | K                  | K
             39 | LITRE                  | l            | l                  | l
             40 | CUBIC_METRE            | m³           | m³                 | m3
             41 | LITRE_PER_HOUR         | l/h          | l/h                | l/h
             42 | CUBIC_METRE_PER_HOUR   | m³/h         | m³/h               | m3/h
             43 | CUBIC_METRE_CELSIUS    | m³·°C        | m³×C               | m3xC
             44 | TONNE                  | t            | ton                | ton
             45 | TONNE_PER_HOUR         | t/h          | ton/h              | ton/h
             46 | HOUR                   | h            | h                  | h
             47 | TIME_HHMMSS            | hh:mm:ss     | hh:mm:ss           | hh:mm:ss
             48 | DATE_YYMMDD            | yy:mm:dd     | yy:mm:dd           | yy:mm:dd
             49 | DATE_YYYYMMDD          | yyyy:mm:dd   | yyyy:mm:dd         | yyyy:mm:dd
             50 | DATE_MMDD              | mm:dd        | mm:dd              | mm:dd
             51 | NUMBER                 | ''           | no unit (number)   | ''
             52 | BAR                    | bar          | bar                | bar
             53 | RTC                    | RTC          | RTC                | RTC
             54 | ASCII                  | ASCII        | ASCII              | ASCII
             55 | CUBIC_METRE_X10        | m³ × 10      | m³ ×10             | m3 x 10
             56 | TONNE_X10              | t × 10       | ton ×10            | ton x 10
             57 | GJ_X10                 | GJ × 10      | GJ ×10             | GJ x 10
             58 | MINUTE                 | min          | minutes            | minutes
             59 | BITFIELD               | bitfield     | Bitfield           | Bitfield
             60 | SECOND                 | s            | s                  | s
             61 | MILLISECOND            | ms           | ms                 | ms
             62 | DAY                    | d            | days               | days
             63 | RTC_Q                  | RTC-Q        | RTC-Q              | RTC-Q
             64 | DATETIME               | datetime     | Datetime           | Datetime
             65 | IMPULSES_PER_LITRE     | imp/l        | imp/l              | -
             66 | LITRES_PER_IMPULSE     | l/imp        | l/imp              | -
             85 | PERCENT_RH             | %RH          | %RH                | -
             86 | PERCENT_O2             | %O₂          | %O₂                | -
             87 | METRE_PER_SECOND       | m/s          | m/s                | -
             88 | KJ_PER_KG              | kJ/kg        | kJ/kg              | -
             89 | PH                     | pH           | pH                 | -
             90 | G_PER_KG               | g/kg         | g/kg               | -
            """)
    void everyPublishedCodeHasItsUnit(int code, String constant, String symbol, String pykmp, String pykamstrup) {
        KmpUnit unit = KmpUnit.of(code).orElseThrow(() -> new AssertionError("no unit for code " + code));
        assertEquals(constant, unit.name());
        assertEquals(symbol, unit.symbol());
        assertEquals(code, unit.code());
        if (!pykamstrup.equals("-")) {
            // the two tables agree but for spelling, except at 21 and 25 (see KmpUnit.W and KmpUnit.VAR)
            if (code == 21 || code == 25) {
                assertEquals(pykamstrup, KmpUnit.of(code + 1).orElseThrow().symbol(),
                        "PyKamstrup repeats the next code's unit at " + code);
            } else {
                assertEquals(spelling(pykmp), spelling(pykamstrup), "PyKMP and PyKamstrup at " + code);
            }
        }
    }

    /** Case, spaces, the cube and degree signs and "× 10" written as "x 10" are spelling, not meaning. */
    private static String spelling(String name) {
        return name.toLowerCase(Locale.ROOT).replace("no unit (number)", "").replace("³", "3").replace("°", "")
                .replace("×", "x").replace(" ", "");
    }

    @Test
    void seventyThreeCodesArePublishedAndNoOthers() {
        int known = 0;
        for (int code = 0; code < 256; code++) {
            if (KmpUnit.of(code).isPresent()) {
                known++;
                assertTrue(code <= 66 || (code >= 85 && code <= 90), "unexpected unit code " + code);
            }
        }
        assertEquals(73, known);
        assertEquals(73, KmpUnit.values().length);
        assertTrue(KmpUnit.of(-1).isEmpty());
        assertTrue(KmpUnit.of(79).isEmpty(), "PyKMP's \"unknown unit 79\" of register 348");
        assertTrue(KmpUnit.of(256).isEmpty());
    }

    @Test
    void unitsRealMetersSent() {
        // gemu2015/Sonoff-Tasmota issue 38: a heat meter's answers and what it displayed
        assertEquals(KmpUnit.MWH, KmpUnit.of(0x03).orElseThrow());
        assertEquals(KmpUnit.KW, KmpUnit.of(0x16).orElseThrow());
        assertEquals(KmpUnit.CELSIUS, KmpUnit.of(0x25).orElseThrow());
        assertEquals(KmpUnit.KELVIN, KmpUnit.of(0x26).orElseThrow());
        assertEquals(KmpUnit.CUBIC_METRE, KmpUnit.of(0x28).orElseThrow());
        assertEquals(KmpUnit.LITRE_PER_HOUR, KmpUnit.of(0x29).orElseThrow());
    }
}
