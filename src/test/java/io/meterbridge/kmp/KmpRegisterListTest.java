package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code registers=} route option. */
class KmpRegisterListTest {

    @Test
    void decimalIds() {
        assertEquals(List.of(60, 68, 80), KmpRegisterList.parse("60,68,80").ids());
    }

    @Test
    void namesInAnyCase() {
        assertEquals(List.of(0x3C, 0x44, 0x56), KmpRegisterList.parse("E1,v1, t1").ids());
    }

    @Test
    void mixedWithHexAndSpaces() {
        KmpRegisterList list = KmpRegisterList.parse(" E1 , 0x0044,86,0X03EC,1003 ");
        assertEquals(List.of(0x3C, 0x44, 0x56, 0x3EC, 0x3EB), list.ids());
        assertEquals("E1,V1,T1,HOURS,DATE", list.toString());
    }

    @Test
    void aRegisterNamedTwiceIsAskedForOnce() {
        assertEquals(List.of(60, 68), KmpRegisterList.parse("E1,60,V1,68").ids());
    }

    @Test
    void idsOutsideTheTableAreKeptAndWrittenInDecimal() {
        KmpRegisterList list = KmpRegisterList.parse("266,E1");
        assertEquals(List.of(266, 60), list.ids());
        assertEquals("266,E1", list.toString());
    }

    @Test
    void moreThanEightBecomeSeveralRequestsInOrder() {
        KmpRegisterList list = KmpRegisterList.parse("E1,E2,E3,E8,E9,V1,V2,T1,T2,T1_T2,POWER");
        List<KmpRequest.GetRegister> requests = list.requests();
        assertEquals(2, requests.size());
        assertEquals(List.of(0x3C, 0x5E, 0x3F, 0x61, 0x6E, 0x44, 0x45, 0x56), requests.get(0).registerIds());
        assertEquals(List.of(0x57, 0x59, 0x50), requests.get(1).registerIds());
        assertEquals(1, KmpRegisterList.parse("E1").requests().size());
        assertEquals(1, KmpRegisterList.parse("E1,E2,E3,E8,E9,V1,V2,T1").requests().size());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            60,,80   | expected a register name or id at item 2 of "60,,80", found nothing
            E1,      | expected a register name or id at item 2 of "E1,", found nothing
            60,70000 | expected a register id 0–65535 at item 2 of "60,70000", found 70000
            6O       | expected a decimal register id at item 1 of "6O", found "6O"
            0xZZ     | expected a hex register id at item 1 of "0xZZ", found "0xZZ"
            -5       | expected a register name (E1, E2, E3, E4, E5, E8, E9, V1, V2, M1, M2, T1, T2, T3, T4, T1_T2, POWER, FLOW1, FLOW2, P1, P2, HOURS, ERROR_HOURS, INFO, INFO_BITS, INFO_EVENTS, TIME, DATE, TARGET_DATE, SERIAL_NO, METER_TYPE, SOFTWARE_EDITION) or a decimal id at item 1 of "-5", found "-5"
            E1,E7    | expected a register name (E1, E2, E3, E4, E5, E8, E9, V1, V2, M1, M2, T1, T2, T3, T4, T1_T2, POWER, FLOW1, FLOW2, P1, P2, HOURS, ERROR_HOURS, INFO, INFO_BITS, INFO_EVENTS, TIME, DATE, TARGET_DATE, SERIAL_NO, METER_TYPE, SOFTWARE_EDITION) or a decimal id at item 2 of "E1,E7", found "E7"
            """)
    void badOptionsSayWhichItemAndWhy(String option, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KmpRegisterList.parse(option));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anEmptyOptionIsRefused() {
        for (String option : new String[] {"", "  ", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KmpRegisterList.parse(option));
            assertEquals("expected register names (E1, V1, T1 …) or ids (60, 68, 86 …) separated by commas, found nothing",
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new KmpRegisterList(List.of()));
    }
}
