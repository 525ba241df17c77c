package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.kmp.KmpDirection;
import io.meterbridge.kmp.KmpFrame;
import io.meterbridge.kmp.KmpRegister;
import io.meterbridge.kmp.KmpRegisterList;
import io.meterbridge.kmp.KmpRegisterValue;
import io.meterbridge.kmp.KmpRequest;
import io.meterbridge.kmp.KmpResponse;
import io.meterbridge.kmp.KmpUnit;
import io.meterbridge.sim.KmpMeter;
import io.meterbridge.telegram.Hex;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KMP reads of a MULTICAL to {@link HeatReading}s: the simulated meter's wire answers, the
 * published frames of {@code meter/kmp-published-responses.txt}, unit conversions, negative
 * values, registers outside the table, identity and model.
 */
class KmpNormalizerTest {

    static final Instant ON = Instant.parse("2024-01-15T10:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Instant AT = Instant.parse("2024-01-15T12:00:00Z");

    /** The wire answer of the simulated meter to {@code request}, decoded as a reader would. */
    static KmpResponse exchange(KmpMeter meter, KmpRequest request, Instant at) throws Exception {
        byte[] wire = meter.answer(request.encode(), at).bytes();
        return KmpResponse.parse(KmpFrame.decode(KmpDirection.FROM_METER, wire), request);
    }

    /** GetType, GetSerialNo and every register of the table, in requests of eight, as a reader would ask. */
    static HeatReading read(KmpNormalizer normalizer, KmpMeter meter, Instant at) throws Exception {
        KmpResponse.MeterType type = (KmpResponse.MeterType) exchange(meter, new KmpRequest.GetType(), at);
        KmpResponse.SerialNo serial = (KmpResponse.SerialNo) exchange(meter, new KmpRequest.GetSerialNo(), at);
        KmpRegisterList all = new KmpRegisterList(Arrays.stream(KmpRegister.values()).map(KmpRegister::id).toList());
        List<KmpRegisterValue> values = new ArrayList<>();
        for (KmpRequest.GetRegister get : all.requests()) {
            values.addAll(((KmpResponse.Registers) exchange(meter, get, at)).values());
        }
        return normalizer.normalize(type, serial.serialNumber(), values, at);
    }

    static KmpRegisterValue value(KmpRegister register, KmpUnit unit, String value) {
        return KmpRegisterValue.of(register, unit, new BigDecimal(value));
    }

    static HeatReading normalize(KmpRegisterValue... values) {
        return new KmpNormalizer().normalize(null, 71_000_001L, List.of(values), AT);
    }

    static void same(String expected, BigDecimal actual, String what) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0,
                what + ": expected " + expected + ", found " + actual);
    }

    @Test
    void theSimulatedMulticalTwoHoursAfterSwitchOn() throws Exception {
        HeatReading r = read(new KmpNormalizer(), new KmpMeter(67_211_183L, ON, ZONE), AT);

        assertEquals("KAM", r.meter().manufacturer());
        assertEquals("Kamstrup", r.meter().manufacturerName());
        assertEquals("67211183", r.meter().id());
        assertEquals("kam_67211183", r.meter().stableKey());
        assertEquals("Kamstrup heat meter, KMP meter type 0x0004", r.meter().model(),
                "the simulator's type code is the protocol description's example, which names no model");
        assertEquals(0x04, r.meter().medium());
        assertNull(r.meter().version());
        assertNull(r.status());
        // 11.92 kW for two hours on 34 510 kWh, in the meter's MWh, truncated to its three decimals
        assertEquals(new Energy(new BigDecimal("34.533"), EnergyUnit.MWH), r.heatEnergy());
        assertEquals(new BigDecimal("34533"), r.heatEnergy().kWh());
        assertEquals(new Energy(new BigDecimal("0.000"), EnergyUnit.MWH), r.coolingEnergy());
        assertEquals(new BigDecimal("2233.54"), r.volumeM3(), "+1054 l");
        assertEquals(new BigDecimal("64.60"), r.flowTemperatureC());
        assertEquals(new BigDecimal("45.16"), r.returnTemperatureC());
        assertEquals(new BigDecimal("19.44"), r.temperatureDifferenceK());
        assertEquals(new BigDecimal("11.9"), r.powerKw());
        assertEquals(new BigDecimal("0.527"), r.volumeFlowM3h(), "527 l/h");
        assertEquals(new BigDecimal("43491"), r.operatingHours());
        assertEquals(new BigDecimal("0"), r.errorHours());
        assertEquals(InfoCode.kamstrup(0), r.infoCode());
        assertEquals(LocalDateTime.of(2024, 1, 15, 13, 0, 0), r.meterClock(), "12:00 UTC in Amsterdam");
        assertNull(r.targetDate(), "the simulator has no target date register");
        assertNull(r.maxPowerKw());
        assertNull(r.maxVolumeFlowM3h());
    }

    @Test
    void everyAnsweredRegisterIsARecordInOrder() throws Exception {
        HeatReading r = read(new KmpNormalizer(), new KmpMeter(67_211_183L, ON, ZONE), AT);
        List<String> codes = r.records().stream().map(RawRecord::code).toList();
        assertEquals("KMP GetType", codes.get(0));
        // the simulator answers these of the table, in the order asked (the table's order)
        assertEquals(List.of("KMP 0x003C", "KMP 0x003F", "KMP 0x0061", "KMP 0x006E", "KMP 0x0044", "KMP 0x0056",
                "KMP 0x0057", "KMP 0x0059", "KMP 0x0050", "KMP 0x004A", "KMP 0x03EC", "KMP 0x00AF", "KMP 0x0063",
                "KMP 0x0071", "KMP 0x03EA", "KMP 0x03EB", "KMP 0x03E9"), codes.subList(1, codes.size()));
        RawRecord e8 = r.records().stream().filter(x -> x.code().equals("KMP 0x0061")).findFirst().orElseThrow();
        assertEquals("e8", e8.quantity());
        assertEquals("E8 (m³·T1)", e8.description());
        assertEquals("m³·°C", e8.unit());
        assertEquals("instantaneous", e8.function());
        RawRecord date = r.records().stream().filter(x -> x.code().equals("KMP 0x03EB")).findFirst().orElseThrow();
        assertEquals("2024-01-15", date.text());
        assertNull(date.number());
        RawRecord type = r.records().get(0);
        assertEquals(BigDecimal.valueOf(KmpMeter.METER_TYPE), type.number());
        assertEquals("meter type (GetType), software revision F1", type.description());
    }

    /** The published frames (Tasmota #38 and PyKMP's README) as one read: values as the sources printed them. */
    @Test
    void publishedFrames() throws Exception {
        List<KmpRegisterValue> values = new ArrayList<>();
        for (String line : Frames.resource("meter/kmp-published-responses.txt").split("\n")) {
            String hex = line.replaceAll("#.*", "").strip();
            if (!hex.isEmpty()) {
                KmpFrame frame = KmpFrame.decode(KmpDirection.FROM_METER, Hex.parse(hex));
                values.addAll(((KmpResponse.Registers) KmpResponse.parse(frame)).values());
            }
        }
        HeatReading r = new KmpNormalizer().normalize(null, 19_088_743L, values, AT);

        assertEquals(new Energy(new BigDecimal("55.006"), EnergyUnit.MWH), r.heatEnergy());
        same("55006", r.heatEnergy().kWh(), "kWh");
        same("198.0216", r.heatEnergy().gj(), "GJ");
        same("0.0", r.powerKw(), "power");
        assertEquals(new BigDecimal("53.65"), r.flowTemperatureC());
        assertEquals(new BigDecimal("45.79"), r.returnTemperatureC());
        assertEquals(new BigDecimal("7.86"), r.temperatureDifferenceK());
        same("0", r.volumeFlowM3h(), "flow");
        assertEquals(new BigDecimal("1875.56"), r.volumeM3());
        assertNull(r.meterClock(), "a time without a date is no clock");
        assertEquals("Kamstrup heat meter", r.meter().model(), "GetType not asked");
        assertEquals("19088743", r.meter().id());

        assertEquals(values.size(), r.records().size());
        RawRecord maxFlow = r.records().get(8);
        assertEquals("KMP 0x008B", maxFlow.code());
        assertEquals("unknown", maxFlow.quantity());
        assertEquals("register 0x008B (139), in no published table", maxFlow.description());
        assertEquals(new BigDecimal("245"), maxFlow.number());
        assertEquals("l/h", maxFlow.unit());
        assertEquals("20:02:43", r.records().get(9).text(), "PyKMP printed 200243 hh:mm:ss");
    }

    @Test
    void unitsAreConvertedAsTheWiredPathConvertsThem() {
        HeatReading r = normalize(
                value(KmpRegister.E1, KmpUnit.WH, "84208"),
                value(KmpRegister.E3, KmpUnit.GJ_X10, "12.3"),
                value(KmpRegister.V1, KmpUnit.LITRE, "11388"),
                value(KmpRegister.POWER, KmpUnit.W, "11920"),
                value(KmpRegister.FLOW1, KmpUnit.CUBIC_METRE_PER_HOUR, "0.527"),
                value(KmpRegister.HOURS, KmpUnit.MINUTE, "90"),
                value(KmpRegister.ERROR_HOURS, KmpUnit.DAY, "2"),
                value(KmpRegister.T1_T2, KmpUnit.CELSIUS, "19.44"));
        assertEquals(new Energy(new BigDecimal("84.208"), EnergyUnit.KWH), r.heatEnergy(), "Wh → kWh");
        assertEquals(new Energy(new BigDecimal("123"), EnergyUnit.GJ), r.coolingEnergy(), "tens of GJ");
        assertEquals(new BigDecimal("11.388"), r.volumeM3());
        assertEquals(new BigDecimal("11.920"), r.powerKw());
        assertEquals(new BigDecimal("0.527"), r.volumeFlowM3h());
        assertEquals(new BigDecimal("1.5"), r.operatingHours());
        assertEquals(new BigDecimal("48"), r.errorHours());
        assertEquals(new BigDecimal("19.44"), r.temperatureDifferenceK());

        HeatReading big = normalize(value(KmpRegister.E1, KmpUnit.KJ, "3600"), value(KmpRegister.POWER, KmpUnit.MW,
                "1.25"), value(KmpRegister.V1, KmpUnit.CUBIC_METRE_X10, "7"));
        assertEquals(new Energy(new BigDecimal("0.0036"), EnergyUnit.GJ), big.heatEnergy(), "kJ → GJ");
        assertEquals(new BigDecimal("1250"), big.powerKw().stripTrailingZeros().setScale(0));
        assertEquals(new BigDecimal("70"), big.volumeM3(), "tens of m³");
    }

    @Test
    void negativeValuesStayNegative() {
        // −123.45 is the Kamstrup protocol description's number example (04 C2 00003039, via PyKMP)
        HeatReading r = normalize(value(KmpRegister.T1_T2, KmpUnit.KELVIN, "-123.45"),
                value(KmpRegister.POWER, KmpUnit.KW, "-1.5"), value(KmpRegister.FLOW1, KmpUnit.LITRE_PER_HOUR, "-12"),
                value(KmpRegister.T2, KmpUnit.CELSIUS, "-4.10"));
        assertEquals(new BigDecimal("-123.45"), r.temperatureDifferenceK());
        assertEquals(new BigDecimal("-1.5"), r.powerKw());
        assertEquals(new BigDecimal("-0.012"), r.volumeFlowM3h());
        assertEquals(new BigDecimal("-4.10"), r.returnTemperatureC());
        assertNull(normalize(value(KmpRegister.INFO, KmpUnit.NONE, "-1")).infoCode(), "an info code is unsigned");
    }

    @Test
    void whatTheReadingCannotHoldStaysInTheRecords() {
        KmpRegisterValue gcal = value(KmpRegister.E1, KmpUnit.GCAL, "12.5");
        KmpRegisterValue kelvin = value(KmpRegister.T1, KmpUnit.KELVIN, "337.75");
        KmpRegisterValue unknownUnit = new KmpRegisterValue(KmpRegister.V1.id(), 75, new BigDecimal("3"), 4);
        KmpRegisterValue highRes = new KmpRegisterValue(266, KmpUnit.WH.code(), new BigDecimal("84208"), 4);
        HeatReading r = normalize(gcal, kelvin, unknownUnit, highRes);
        assertNull(r.heatEnergy(), "which calorie a MULTICAL counts is not published");
        assertNull(r.flowTemperatureC(), "K is KMP's unit of a difference, not of T1");
        assertNull(r.volumeM3());
        assertEquals(List.of("Gcal", "K", "", "Wh"), r.records().stream().map(RawRecord::unit).toList());
        assertEquals(List.of(new BigDecimal("12.5"), new BigDecimal("337.75"), new BigDecimal("3"),
                new BigDecimal("84208")), r.records().stream().map(RawRecord::number).toList());
        assertEquals("volume V1, unit code 75 (not published)", r.records().get(2).description());
        assertEquals("register 0x010A (266), in no published table", r.records().get(3).description());
    }

    @Test
    void infoCodeClockAndTargetDate() {
        HeatReading r = normalize(value(KmpRegister.INFO, KmpUnit.NONE, "2304"),
                value(KmpRegister.DATE, KmpUnit.DATE_YYMMDD, "240115"),
                value(KmpRegister.TIME, KmpUnit.TIME_HHMMSS, "93005"),
                value(KmpRegister.TARGET_DATE, KmpUnit.DATE_YYMMDD, "240101"));
        assertEquals(InfoCode.kamstrup(2304), r.infoCode());
        assertEquals(List.of("air_in_flow_sensor", "flow_above_limit"),
                r.infoCode().alarms().stream().map(Alarm::key).toList());
        assertEquals(LocalDateTime.of(2024, 1, 15, 9, 30, 5), r.meterClock());
        assertEquals(new TargetDateValues(LocalDate.of(2024, 1, 1), null, null, null, null, null), r.targetDate());
        assertEquals("2024-01-01", r.toMap().get(ReadingKeys.TARGET_DATE));

        HeatReading setDay = normalize(value(KmpRegister.TARGET_DATE, KmpUnit.DATE_MMDD, "101"));
        assertNull(setDay.targetDate(), "mm:dd is the set day, not the date of stored values");
        assertNull(normalize(value(KmpRegister.TARGET_DATE, KmpUnit.DATE_YYMMDD, "0")).targetDate(), "not set");
    }

    @Test
    void theFirstValueOfARegisterWins() {
        HeatReading r = normalize(value(KmpRegister.T1, KmpUnit.CELSIUS, "60.00"),
                value(KmpRegister.T1, KmpUnit.CELSIUS, "61.00"));
        assertEquals(new BigDecimal("60.00"), r.flowTemperatureC());
        assertEquals(2, r.records().size());
    }

    @Test
    void identityAndModel() {
        KmpResponse.MeterType type = new KmpResponse.MeterType(0x0004, 0x0601);
        assertEquals("01234567", new KmpNormalizer().normalize(type, 1_234_567L, List.of(), AT).meter().id(),
                "zero-padded to eight digits like the wired IDs");
        assertEquals("4294967295", new KmpNormalizer().normalize(type, 4_294_967_295L, List.of(), AT).meter().id());
        assertEquals("MULTICAL 403", new KmpNormalizer("multical 403").normalize(type, 1L, List.of(), AT)
                .meter().model());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new KmpNormalizer("MULTICAL 21"));
        assertEquals("expected a MULTICAL model the wired path knows (MULTICAL 601, MULTICAL 402, MULTICAL 602,"
                + " MULTICAL 302, MULTICAL 403, MULTICAL 603, MULTICAL 803, MULTICAL 303), found 'MULTICAL 21'",
                unknown.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new KmpNormalizer().normalize(type, -1L, List.of(), AT));
        assertEquals("expected a serial number 0–4294967295, found -1", negative.getMessage());
    }
}
