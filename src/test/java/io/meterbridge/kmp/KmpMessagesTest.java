package io.meterbridge.kmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Hex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GetType, GetSerialNo and GetRegister: published exchanges, encoded and decoded. */
class KmpMessagesTest {

    /**
     * A real heat meter read one register at a time (gemu2015/Sonoff-Tasmota issue 38): our
     * request is byte for byte the one published, and its answer decodes to the value the meter
     * showed. The temperatures were printed there as 5.365e-08 and the like, a float bug of that
     * tool; the bytes say 53.65.
     */
    @ParameterizedTest(name = "register {0}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            003C | 80 3F 10 01 00 3C B2 5F 0D | 40 3F 10 00 3C 03 04 43 00 00 D6 DE 03 22 0D    | 55.006  | MWH
            0050 | 80 3F 10 01 00 50 1F 75 0D | 40 3F 10 00 50 16 02 41 00 00 2F 5C 0D          | 0.0     | KW
            0056 | 80 3F 10 01 00 56 7F B3 0D | 40 3F 10 00 56 25 02 42 14 F5 69 DC 0D          | 53.65   | CELSIUS
            0057 | 80 3F 10 01 00 57 6F 92 0D | 40 3F 10 00 57 25 02 42 11 E3 A1 7E 0D          | 45.79   | CELSIUS
            0059 | 80 3F 10 01 00 59 8E 5C 0D | 40 3F 10 00 59 26 02 42 03 12 55 20 0D          | 7.86    | KELVIN
            004A | 80 3F 10 01 00 4A AC 0E 0D | 40 3F 10 00 4A 29 02 00 00 00 F0 50 0D          | 0       | LITRE_PER_HOUR
            0044 | 80 3F 10 01 00 44 4D C0 0D | 40 3F 10 00 44 28 04 42 00 02 DC A4 7C 0A 0D    | 1875.56 | CUBIC_METRE
            008D | 80 3F 10 01 00 8D 05 A5 0D | 40 3F 10 00 8D 29 02 00 00 00 86 21 0D          | 0       | LITRE_PER_HOUR
            008B | 80 3F 10 01 00 8B 65 63 0D | 40 3F 10 00 8B 29 02 00 00 F5 B4 7A 0D          | 245     | LITRE_PER_HOUR
            """)
    void publishedHeatMeterExchanges(String id, String request, String response, String value, KmpUnit unit)
            throws Exception {
        KmpRequest.GetRegister get = KmpRequest.GetRegister.ofIds(Integer.parseInt(id, 16));
        assertArrayEquals(Hex.parse(request), get.encode());

        KmpFrame frame = KmpFrame.decode(KmpDirection.FROM_METER, Hex.parse(response));
        KmpResponse.Registers registers = assertInstanceOf(KmpResponse.Registers.class, KmpResponse.parse(frame, get));
        assertEquals(1, registers.values().size());
        KmpRegisterValue v = registers.value(Integer.parseInt(id, 16)).orElseThrow();
        assertEquals(new BigDecimal(value), v.value());
        assertEquals(unit, v.unit().orElseThrow());
        assertEquals(List.of(), get.missingIn(registers));
        assertArrayEquals(Hex.parse(response), registers.encode(), "encodes back byte for byte");
    }

    @Test
    void kamstrupGetRegisterExample() throws Exception {
        // Kamstrup doc 6.2.4 via PyKMP: register 0x0080 (stuffed as 1B 7F), unit 0x16, 04 11 012AF024
        KmpRequest.GetRegister get = KmpRequest.GetRegister.ofIds(0x0080);
        assertArrayEquals(Hex.parse("80 3F 10 01 00 1B 7F D4 08 0D"), get.encode());
        KmpFrame frame = KmpFrame.decode(KmpDirection.FROM_METER,
                Hex.parse("40 3F 10 00 1B 7F 16 04 11 01 2A F0 24 63 03 0D"));
        KmpRegisterValue v = ((KmpResponse.Registers) KmpResponse.parse(frame, get)).values().get(0);
        assertEquals(new KmpRegisterValue(0x0080, 0x16, new BigDecimal("1.9591204E+24"), 4), v);
        assertEquals(KmpUnit.KW, v.unit().orElseThrow());
        assertEquals(Optional.empty(), v.register());
    }

    @Test
    void eightRegistersInOneRequest() throws Exception {
        // PyKMP test_messages "max number (8) of registers": 08 0036 0037 … 003D
        byte[] data = Hex.parse("08 0036 0037 0038 0039 003A 003B 003C 003D");
        KmpRequest parsed = KmpRequest.parse(KmpFrame.request(0x3F, 0x10, data));
        assertEquals(KmpRequest.GetRegister.ofIds(54, 55, 56, 57, 58, 59, 60, 61), parsed);
        assertArrayEquals(data, parsed.data());

        KmpRequest.GetRegister heat = KmpRequest.GetRegister.of(KmpRegister.E1, KmpRegister.V1, KmpRegister.T1,
                KmpRegister.T2, KmpRegister.T1_T2, KmpRegister.POWER, KmpRegister.FLOW1, KmpRegister.HOURS);
        assertArrayEquals(Hex.parse("80 3F 10 08 00 3C 00 44 00 56 00 57 00 59 00 50 00 4A 03 EC"
                + KmpCrc.format(KmpCrc.compute(Hex.parse("3F 10 08 00 3C 00 44 00 56 00 57 00 59 00 50 00 4A 03 EC")))
                + " 0D"), heat.encode());

        // an answer with all eight, the records of the Tasmota meter plus an hour counter
        byte[] answer = Hex.parse("003C 03 04 43 0000D6DE  0044 28 04 42 0002DCA4  0056 25 02 42 14F5"
                + " 0057 25 02 42 11E3  0059 26 02 42 0312  0050 16 02 41 0000  004A 29 02 00 0000"
                + " 03EC 2E 04 00 0000A9E1");
        byte[] wire = KmpFrame.response(0x3F, 0x10, answer).encode();
        KmpResponse.Registers registers = (KmpResponse.Registers) KmpResponse.parse(
                KmpFrame.decode(KmpDirection.FROM_METER, wire), heat);
        assertEquals(8, registers.values().size());
        assertEquals(List.of(), heat.missingIn(registers));
        assertEquals(new BigDecimal("1875.56"), registers.value(KmpRegister.V1).orElseThrow().value());
        assertEquals(new BigDecimal("43489"), registers.value(KmpRegister.HOURS).orElseThrow().value());
        assertEquals(KmpUnit.HOUR, registers.value(KmpRegister.HOURS).orElseThrow().unit().orElseThrow());
        assertEquals("T1 (0x0056) = 53.65 °C", registers.value(KmpRegister.T1).orElseThrow().toString());
    }

    @Test
    void nineRegistersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KmpRequest.GetRegister.ofIds(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertEquals("expected 1–8 register ids, found 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KmpRequest.GetRegister.ofIds());
        assertEquals("expected 1–8 register ids, found 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KmpRequest.GetRegister.ofIds(60, 60));
        assertEquals("expected distinct register ids, found 0x003C twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KmpRequest.GetRegister.ofIds(65536));
        assertEquals("expected register ids 0–65535, found 65536", e.getMessage());
    }

    @Test
    void registersTheMeterLeavesOutAreMissing() throws Exception {
        KmpRequest.GetRegister get = KmpRequest.GetRegister.of(KmpRegister.E1, KmpRegister.V2, KmpRegister.T1);
        byte[] answer = Hex.parse("003C 03 04 43 0000D6DE  0056 25 02 42 14F5");
        KmpResponse.Registers r = (KmpResponse.Registers) KmpResponse.parse(KmpFrame.response(0x3F, 0x10, answer), get);
        assertEquals(List.of(KmpRegister.V2.id()), get.missingIn(r));
        assertTrue(r.value(KmpRegister.V2).isEmpty());
        // PyKMP: an empty answer is valid, none of the registers asked for is known
        KmpResponse.Registers none = (KmpResponse.Registers) KmpResponse.parse(KmpFrame.response(0x3F, 0x10, new byte[0]));
        assertEquals(List.of(), none.values());
        assertEquals(get.registerIds(), get.missingIn(none));
    }

    @Test
    void getType() throws Exception {
        // Kamstrup doc 6.2.1 via PyKMP
        assertArrayEquals(Hex.parse("80 3F 01 05 8A 0D"), new KmpRequest.GetType().encode());
        KmpResponse.MeterType type = (KmpResponse.MeterType) KmpResponse.parse(
                KmpFrame.decode(KmpDirection.FROM_METER, Hex.parse("40 3F 01 00 04 1B F9 01 26 99 0D")));
        assertEquals(0x0004, type.meterType());
        assertEquals(Optional.of("F1"), type.softwareRevision());
        assertArrayEquals(Hex.parse("40 3F 01 00 04 1B F9 01 26 99 0D"), type.encode());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0100, A0", "1AFF, Z255", "0601, F1", "0000, ''"})
    void softwareRevisions(String bytes, String revision) throws Exception {
        // PyKMP test_messages_get_type_response: min, max, the doc's, unavailable
        KmpResponse.MeterType type = (KmpResponse.MeterType) KmpResponse.parse(
                KmpFrame.response(0x3F, 0x01, Hex.parse("0004" + bytes)));
        assertEquals(revision.isEmpty() ? Optional.empty() : Optional.of(revision), type.softwareRevision());
    }

    @Test
    void getSerialNo() throws Exception {
        assertArrayEquals(Hex.parse("80 3F 02 35 E9 0D"), new KmpRequest.GetSerialNo().encode());
        assertEquals(new KmpResponse.SerialNo(19_088_743), KmpResponse.parse(
                KmpFrame.decode(KmpDirection.FROM_METER, Hex.parse("40 3F 02 01 23 45 67 E9 56 0D"))));
        assertEquals(new KmpResponse.SerialNo(1_234_567), KmpResponse.parse(
                KmpFrame.decode(KmpDirection.FROM_METER, Hex.parse("40 3A 02 00 12 D6 87 9E E0 0D"))));
        assertEquals(new KmpResponse.SerialNo(4_294_967_295L), KmpResponse.parse(
                KmpFrame.response(0x3F, 0x02, Hex.parse("FFFFFFFF"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated by one byte (PyKMP) | 10 | 00 80 16 04 11 01 2A F0          | expected 4 mantissa bytes for register 0x0080, found only 3 | 6
            too short (PyKMP)             | 10 | 00 80 16 04 11                   | expected a register record of at least 6 bytes (id, unit, length, sign/exponent, mantissa), found only 5 | 1
            a byte left over (PyKMP)      | 10 | 00 80 16 04 11 01 2A F0 24 01    | expected a register record of at least 6 bytes (id, unit, length, sign/exponent, mantissa), found only 1 | 10
            mantissa length 0 (PyKMP)     | 10 | 00 80 16 00 11 00                | expected a mantissa length of at least 1 for register 0x0080, found 0 | 4
            second record cut             | 10 | 00 3C 03 04 43 00 00 D6 DE 00 44 28 04 42 00 02 | expected 4 mantissa bytes for register 0x0044, found only 2 | 15
            GetType too long (PyKMP)      | 01 | 00 00 04 06 01                   | expected 4 data bytes after GetType (CID 0x01) (meter type, software revision), found 5 | 5
            GetType too short (PyKMP)     | 01 | 04 06 01                         | expected 4 data bytes after GetType (CID 0x01) (meter type, software revision), found 3 | 4
            revision letter 27 (PyKMP)    | 01 | 00 04 1B 01                      | expected a software revision letter 1–26 (A–Z), found 0x1B | 3
            revision letter 0 (PyKMP)     | 01 | 00 04 00 01                      | expected a software revision letter 1–26 (A–Z), found 0x00 | 3
            serial too long (PyKMP)       | 02 | 01 23 45 67 89                   | expected 4 data bytes after GetSerialNo (CID 0x02) (the serial number), found 5 | 5
            serial missing (PyKMP)        | 02 |                                  | expected 4 data bytes after GetSerialNo (CID 0x02) (the serial number), found 0 | 1
            SetClock is not spoken        | 09 |                                  | expected the CID of GetType (0x01), GetSerialNo (0x02) or GetRegister (0x10), found 0x09 | 0
            """)
    void responseDataErrorsSayWhatAndWhere(String name, String cid, String data, String message, int offset) {
        KmpFrame frame = KmpFrame.response(0x3F, Integer.parseInt(cid, 16), data == null ? new byte[0] : Hex.parse(data));
        KmpDataException e = assertThrows(KmpDataException.class, () -> KmpResponse.parse(frame));
        assertEquals(message, e.reason(), name);
        assertEquals(offset, e.offset(), name);
        assertEquals(message + " (at byte " + offset + " of the application data)", e.getMessage());
    }

    @Test
    void anAnswerToAnotherCommandIsRefused() {
        KmpFrame serial = KmpFrame.response(0x3F, 0x02, Hex.parse("01234567"));
        KmpDataException e = assertThrows(KmpDataException.class,
                () -> KmpResponse.parse(serial, KmpRequest.GetRegister.of(KmpRegister.E1)));
        assertEquals("expected the answer to GetRegister (CID 0x10), found CID 0x02 (at byte 0 of the application data)",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GetType with data (PyKMP)    | 01 | 66 6F 6F      | expected no data after GetType (CID 0x01), found 3 bytes | 1
            no register count (PyKMP)    | 10 |               | expected the number of registers after GetRegister (CID 0x10), found no data | 1
            count without ids (PyKMP)    | 10 | 01            | expected 2 bytes of register ids for 1 register, found 0 | 2
            count 3 for 2 ids (PyKMP)    | 10 | 03 0036 0037  | expected 6 bytes of register ids for 3 registers, found 4 | 6
            count 0 (PyKMP)              | 10 | 00            | expected 1–8 registers, found 0 | 1
            count 9 (PyKMP)              | 10 | 09 0036 0037 0038 0039 003A 003B 003C 003D 003E | expected 1–8 registers, found 9 | 1
            the same register twice      | 10 | 02 003C 003C  | expected distinct register ids, found 0x003C twice | 2
            """)
    void requestsAMeterCannotRead(String name, String cid, String data, String message, int offset) {
        KmpFrame frame = KmpFrame.request(0x3F, Integer.parseInt(cid, 16), data == null ? new byte[0] : Hex.parse(data));
        KmpDataException e = assertThrows(KmpDataException.class, () -> KmpRequest.parse(frame));
        assertEquals(message, e.reason(), name);
        assertEquals(offset, e.offset(), name);
    }

    @Test
    void datesAndTimesAreTheDigitsOfTheNumber() {
        assertEquals(Optional.of(LocalDate.of(2023, 9, 15)),
                new KmpRegisterValue(0x03EB, KmpUnit.DATE_YYMMDD.code(), new BigDecimal(230915), 4).date());
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)),
                new KmpRegisterValue(0x03EB, KmpUnit.DATE_YYYYMMDD.code(), new BigDecimal(20240229), 4).date());
        assertEquals(Optional.of(LocalTime.of(14, 30, 5)),
                new KmpRegisterValue(0x03EA, KmpUnit.TIME_HHMMSS.code(), new BigDecimal(143005), 4).time());
        assertEquals(Optional.of(LocalTime.MIDNIGHT),
                new KmpRegisterValue(0x03EA, KmpUnit.TIME_HHMMSS.code(), BigDecimal.ZERO, 4).time());
        // not a date: unset, impossible, fractional, negative, or not a date unit
        assertEquals(Optional.empty(), new KmpRegisterValue(0x62, KmpUnit.DATE_YYMMDD.code(), BigDecimal.ZERO, 4).date());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x62, KmpUnit.DATE_YYMMDD.code(), new BigDecimal(230231), 4).date());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x62, KmpUnit.DATE_YYMMDD.code(), new BigDecimal("2309.15"), 4).date());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x62, KmpUnit.DATE_YYMMDD.code(), new BigDecimal(-230915), 4).date());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x62, KmpUnit.DATE_YYMMDD.code(), new BigDecimal(1230915), 4).date());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x3C, KmpUnit.MWH.code(), new BigDecimal(230915), 4).date());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x03EA, KmpUnit.TIME_HHMMSS.code(), new BigDecimal(246000), 4).time());
        assertEquals(Optional.empty(), new KmpRegisterValue(0x03EA, KmpUnit.TIME_HHMMSS.code(), new BigDecimal(126000), 4).time());
    }

    @Test
    void aValueInAnUnpublishedUnitKeepsItsCode() throws Exception {
        // PyKMP: register 348 "Date and Time" arrives in the unknown unit 79
        KmpResponse.Registers r = (KmpResponse.Registers) KmpResponse.parse(
                KmpFrame.response(0x3F, 0x10, Hex.parse("015C 4F 01 00 07")));
        KmpRegisterValue v = r.values().get(0);
        assertEquals(79, v.unitCode());
        assertEquals(Optional.empty(), v.unit());
        assertEquals("0x015C = 7 unit 79", v.toString());
    }
}
