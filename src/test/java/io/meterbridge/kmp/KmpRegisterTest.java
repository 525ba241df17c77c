package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The register table against the ids as the published lists write them: PyKMP, MeterLogger and
 * the MULTICAL 302 list in decimal, ESPHome, PyKamstrup and kamstrup-402-mqtt in hex.
 */
class KmpRegisterTest {

    @ParameterizedTest(name = "{0} = {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            E1          | 0x003C | 60
            E2          | 0x005E | 94
            E3          | 0x003F | 63
            E4          | 0x003D | 61
            E5          | 0x003E | 62
            E8          | 0x0061 | 97
            E9          | 0x006E | 110
            V1          | 0x0044 | 68
            V2          | 0x0045 | 69
            M1          | 0x0048 | 72
            M2          | 0x0049 | 73
            T1          | 0x0056 | 86
            T2          | 0x0057 | 87
            T3          | 0x0058 | 88
            T4          | 0x007A | 122
            T1_T2       | 0x0059 | 89
            POWER       | 0x0050 | 80
            FLOW1       | 0x004A | 74
            FLOW2       | 0x004B | 75
            P1          | 0x005B | 91
            P2          | 0x005C | 92
            HOURS       | 0x03EC | 1004
            ERROR_HOURS | 0x00AF | 175
            INFO        | 0x0063 | 99
            INFO_BITS   | 0x0171 | 369
            INFO_EVENTS | 0x0071 | 113
            TIME        | 0x03EA | 1002
            DATE        | 0x03EB | 1003
            TARGET_DATE | 0x0062 | 98
            SERIAL_NO   | 0x03E9 | 1001
            METER_TYPE  | 0x0194 | 404
            SOFTWARE_EDITION | 0x03ED | 1005
            """)
    void idsAsPublishedInHexAndDecimal(String name, String hex, int decimal) {
        KmpRegister register = KmpRegister.valueOf(name);
        assertEquals(Integer.decode(hex), register.id());
        assertEquals(decimal, register.id());
        assertEquals(register, KmpRegister.byId(decimal).orElseThrow());
        assertEquals(register, KmpRegister.byName(name.toLowerCase()).orElseThrow());
        assertEquals(name + " (" + hex + ")", register.label());
    }

    @Test
    void everyRegisterIsListedAboveAndIdsAreDistinct() {
        assertEquals(32, KmpRegister.values().length);
        Set<Integer> ids = new HashSet<>();
        for (KmpRegister r : KmpRegister.values()) {
            assertTrue(ids.add(r.id()), "two registers with id " + r.id());
            assertTrue(!r.description().isBlank(), r.name());
        }
    }

    @Test
    void theIdsTheBriefHadWrong() {
        // 0x0063 is the info code, the error hour counter is 0x00AF; 0x00EA is "l/imp for VA", the target date 0x0062
        assertEquals(KmpRegister.INFO, KmpRegister.byId(0x0063).orElseThrow());
        assertEquals(0x00AF, KmpRegister.ERROR_HOURS.id());
        assertTrue(KmpRegister.byId(0x00EA).isEmpty());
        assertEquals(0x0062, KmpRegister.TARGET_DATE.id());
        assertTrue(KmpRegister.byId(0x0369).isEmpty(), "369 is decimal: 0x0171");
    }

    @Test
    void unknownNamesAndIdsAreEmpty() {
        assertTrue(KmpRegister.byName("E7").isEmpty());
        assertTrue(KmpRegister.byName("").isEmpty());
        assertTrue(KmpRegister.byId(0xFFFF).isEmpty());
    }
}
