package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.telegram.Telegram;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three wired Kamstrup telegrams (shared/conformance/kamstrup) normalised, field by field,
 * against {@link KamstrupExpected}; and their raw records against the JSON's expected records.
 */
class KamstrupNormalizationTest {

    static Stream<Arguments> telegrams() {
        return Stream.of(
                Arguments.of("multical303-heat", KamstrupExpected.multical303Heat()),
                Arguments.of("multical303-heat-cooling", KamstrupExpected.multical303HeatCooling()),
                Arguments.of("multical403-heat", KamstrupExpected.multical403Heat()));
    }

    static JsonNode json(String name) throws Exception {
        return new ObjectMapper().readTree(Frames.resource("kamstrup/" + name + ".json"));
    }

    static HeatReading normalise(String name) throws Exception {
        String hex = json(name).get("hex").asText();
        Telegram t = Frames.decode(hex);
        Reading r = new Normalizer().normalize(t, Frames.address(hex), KamstrupExpected.READ_AT);
        return assertInstanceOf(HeatReading.class, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("telegrams")
    void fieldByField(String name, HeatReading expected) throws Exception {
        HeatReading actual = normalise(name);
        assertEquals(expected.meter(), actual.meter());
        assertEquals(expected.readAt(), actual.readAt());
        assertEquals(expected.meterClock(), actual.meterClock());
        assertEquals(expected.status(), actual.status());
        energy("heat energy", expected.heatEnergy(), actual.heatEnergy());
        energy("cooling energy", expected.coolingEnergy(), actual.coolingEnergy());
        number("volume", expected, actual, HeatReading::volumeM3);
        number("flow temperature", expected, actual, HeatReading::flowTemperatureC);
        number("return temperature", expected, actual, HeatReading::returnTemperatureC);
        number("temperature difference", expected, actual, HeatReading::temperatureDifferenceK);
        number("power", expected, actual, HeatReading::powerKw);
        number("max power", expected, actual, HeatReading::maxPowerKw);
        number("volume flow", expected, actual, HeatReading::volumeFlowM3h);
        number("max volume flow", expected, actual, HeatReading::maxVolumeFlowM3h);
        number("operating hours", expected, actual, HeatReading::operatingHours);
        number("error hours", expected, actual, HeatReading::errorHours);
        assertEquals(expected.infoCode(), actual.infoCode());
        if (expected.targetDate() == null) {
            assertNull(actual.targetDate());
        } else {
            TargetDateValues e = expected.targetDate();
            TargetDateValues a = actual.targetDate();
            assertNotNull(a, "target date values");
            assertEquals(e.date(), a.date(), "target date");
            energy("target heat energy", e.heatEnergy(), a.heatEnergy());
            energy("target cooling energy", e.coolingEnergy(), a.coolingEnergy());
            same("target volume", e.volumeM3(), a.volumeM3());
            same("target max power", e.maxPowerKw(), a.maxPowerKw());
            same("target max flow", e.maxVolumeFlowM3h(), a.maxVolumeFlowM3h());
        }
        assertNull(actual.gasEquivalent());
    }

    /** Every record of the JSON is kept, in order, with storage, tariff, sub-unit, function, flow and value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("telegrams")
    void rawRecordsKeepEverythingTheMeterSent(String name, HeatReading ignored) throws Exception {
        JsonNode expected = json(name).get("records");
        List<RawRecord> raw = normalise(name).records();
        assertEquals(expected.size(), raw.size(), "records");
        for (int i = 0; i < raw.size(); i++) {
            JsonNode e = expected.get(i);
            RawRecord a = raw.get(i);
            String where = name + " record " + i + " (" + a.code() + ")";
            assertEquals(e.get("storage").asLong(), a.storage(), where);
            assertEquals(e.get("tariff").asInt(), a.tariff(), where);
            assertEquals(e.get("subunit").asInt(), a.subunit(), where);
            assertEquals(e.get("function").asText(), a.function(), where);
            assertEquals(e.has("flow") ? e.get("flow").asText() : null, a.flow(), where);
            if (e.has("si")) {
                BigDecimal si = toSi(a.number(), a.unit(), where);
                assertEquals(0, new BigDecimal(e.get("si").asText()).compareTo(si),
                        where + ": expected " + e.get("si") + " " + e.get("unit").asText() + ", found " + a.number()
                                + " " + a.unit());
            } else if (e.get("value").isNull()) {
                assertNull(a.number(), where);
            } else if (e.get("value").isNumber()) {
                BigDecimal v = a.number() != null ? a.number()
                        : new BigDecimal(Long.parseUnsignedLong(littleEndian(a.text()), 16));
                assertEquals(0, new BigDecimal(e.get("value").asText()).compareTo(v), where);
            } else {
                assertEquals(e.get("value").asText(), a.text(), where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("telegrams")
    void gasEquivalentWhenConfigured(String name, HeatReading expected) throws Exception {
        String hex = json(name).get("hex").asText();
        Reading r = new Normalizer(new BigDecimal("35.17")).normalize(Frames.decode(hex), null,
                KamstrupExpected.READ_AT);
        GasEquivalent g = ((HeatReading) r).gasEquivalent();
        assertEquals(GasEquivalent.of(expected.heatEnergy(), new BigDecimal("35.17")), g);
        assertNull(r.meter().primaryAddress());
    }

    /** Hex bytes LSB first → hex of the number. */
    private static String littleEndian(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = hex.length() - 2; i >= 0; i -= 2) {
            s.append(hex, i, i + 2);
        }
        return s.toString();
    }

    static BigDecimal toSi(BigDecimal v, String unit, String where) {
        assertNotNull(v, where + ": no number");
        return switch (unit) {
            case "Wh", "m³", "s", "°C", "K", "W", "m³/h" -> v;
            case "kWh", "kW" -> v.movePointRight(3);
            case "MWh", "MW" -> v.movePointRight(6);
            case "min" -> v.multiply(BigDecimal.valueOf(60));
            case "h" -> v.multiply(BigDecimal.valueOf(3600));
            case "d" -> v.multiply(BigDecimal.valueOf(86400));
            case "L" -> v.movePointLeft(3);
            case "L/h" -> v.movePointLeft(3);
            default -> throw new AssertionError(where + ": unit " + unit + " not expected");
        };
    }

    private static void energy(String what, Energy expected, Energy actual) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what);
        assertEquals(expected.unit(), actual.unit(), what + " unit");
        assertEquals(0, expected.value().compareTo(actual.value()), what + ": expected " + expected + ", found "
                + actual);
    }

    private static void number(String what, HeatReading e, HeatReading a, Function<HeatReading, BigDecimal> f) {
        same(what, f.apply(e), f.apply(a));
    }

    private static void same(String what, BigDecimal expected, BigDecimal actual) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what);
        assertTrue(expected.compareTo(actual) == 0, what + ": expected " + expected + ", found " + actual);
    }
}
