package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.telegram.Telegram;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Normalisation of every libmbus test frame (rSCADA/libmbus, BSD-3; copied by the decoder into
 * test resources). Every frame yields a reading with all its records; every heat meter yields a
 * {@link HeatReading} whose values agree with libmbus' own normalised output ({@code .norm.xml})
 * for the register libmbus lists first — an oracle independent of our decoder and profiles.
 */
class LibmbusNormalizationTest {

    static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");
    static final Normalizer NORMALIZER = new Normalizer();

    static Stream<String> frames() {
        return Frames.libmbusTestFrames().stream();
    }

    static Stream<String> heatMeters() {
        return frames().filter(n -> {
            Telegram t = Frames.decode(Frames.resource("libmbus/test-frames/" + n + ".hex"));
            return t.header() != null && t.header().address() != null
                    && Profiles.isThermal(t.header().address().medium());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void everyFrameGivesAReadingWithAllItsRecords(String name) {
        String hex = Frames.resource("libmbus/test-frames/" + name + ".hex");
        Telegram t = Frames.decode(hex);
        Reading r = NORMALIZER.normalize(t, Frames.address(hex), AT);
        byte[] tail = t.manufacturerData();
        int expected = t.records().size() + (tail != null && tail.length > 0 ? 1 : 0);
        assertEquals(expected, r.records().size(), "records kept");
        assertEquals(Frames.address(hex), r.meter().primaryAddress());
        if (t.header() != null && t.header().address() != null) {
            int medium = t.header().address().medium();
            assertEquals(medium, r.meter().medium());
            assertEquals(t.header().address().idText(), r.meter().id());
            if (Profiles.isThermal(medium)) {
                assertInstanceOf(HeatReading.class, r);
            } else {
                assertInstanceOf(GenericReading.class, r);
            }
        }
        // the flat map is JSON-friendly: no nulls, only plain values
        r.toMap().forEach((k, v) -> assertTrue(v instanceof String || v instanceof Number || v instanceof Boolean,
                name + ": " + k + " = " + v));
    }

    @Test
    void anApplicationErrorReplyStillGivesAReading() {
        String hex = Frames.resource("libmbus/error-frames/application_busy.hex");
        Reading r = NORMALIZER.normalize(Frames.decode(hex), 7, AT);
        GenericReading g = assertInstanceOf(GenericReading.class, r);
        assertEquals("p7", g.meter().id());
        assertEquals("meter_p7", g.meter().stableKey());
        assertTrue(g.records().isEmpty());
    }

    @Test
    void heatEnergyFoundInMostHeatMeters() {
        List<String> without = heatMeters().filter(n -> {
            String hex = Frames.resource("libmbus/test-frames/" + n + ".hex");
            return ((HeatReading) NORMALIZER.normalize(Frames.decode(hex), null, AT)).heatEnergy() == null;
        }).toList();
        // amt_calec_mb's telegram carries power, flow and temperatures but no energy register
        assertEquals(List.of("amt_calec_mb"), without);
    }

    @Test
    void theCorpusHoldsTheHeatMetersTheIssueNames() {
        List<String> heat = heatMeters().toList();
        assertTrue(heat.size() >= 25, "heat meters found: " + heat);
        for (String maker : List.of("kamstrup", "Elster", "Engelmann", "Itron", "Sensus", "landis", "sontex",
                "minol")) {
            assertTrue(heat.stream().anyMatch(n -> n.toLowerCase().contains(maker.toLowerCase())), maker);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heatMeters")
    void heatMeterValuesAgreeWithLibmbus(String name) {
        String hex = Frames.resource("libmbus/test-frames/" + name + ".hex");
        HeatReading r = (HeatReading) NORMALIZER.normalize(Frames.decode(hex), Frames.address(hex), AT);
        List<Lib> lib = Lib.parse(Frames.resource("libmbus/test-frames/" + name + ".norm.xml"));
        int compared = 0;
        compared += compare(name, "heat energy", r.heatEnergy() == null ? null : r.heatEnergy().in(EnergyUnit.WH),
                r.heatEnergy() == null ? null : r.heatEnergy().in(EnergyUnit.J), lib, "Energy", 0, "Instantaneous value",
                r.meter().medium() == 0x0A || r.meter().medium() == 0x0B);
        compared += compare(name, "volume", r.volumeM3(), lib, "Volume", "m^3", Function.identity());
        compared += compare(name, "flow temperature", r.flowTemperatureC(), lib, "Flow temperature", "°C",
                Function.identity());
        compared += compare(name, "return temperature", r.returnTemperatureC(), lib, "Return temperature", "°C",
                Function.identity());
        compared += compare(name, "temperature difference", r.temperatureDifferenceK(), lib,
                "Temperature difference", "K", Function.identity());
        compared += compareScaled(name, "power", r.powerKw(), lib, "Power", 0, "Instantaneous value");
        compared += compareScaled(name, "max power", r.maxPowerKw(), lib, "Power", 0, "Maximum value");
        compared += compareFlow(name, "volume flow", r.volumeFlowM3h(), lib, "Instantaneous value");
        compared += compareFlow(name, "max volume flow", r.maxVolumeFlowM3h(), lib, "Maximum value");
        compared += compareHours(name, r.operatingHours(), lib, "Instantaneous value");
        compared += compareHours(name, r.errorHours(), lib, "Value during error state");
        if (r.targetDate() != null && r.targetDate().heatEnergy() != null) {
            compared += compare(name, "target heat energy", r.targetDate().heatEnergy().in(EnergyUnit.WH),
                    r.targetDate().heatEnergy().in(EnergyUnit.J), lib, "Energy", 1, "Instantaneous value", false);
        }
        assertTrue(compared >= 1 || lib.stream().noneMatch(l -> l.plain(0, "Instantaneous value")),
                name + ": nothing compared; reading " + r.toMap());
    }

    /**
     * Energy: libmbus lists it in Wh or J. The first plain (storage, tariff 0, device 0) energy
     * record must be our heat energy (in the corpus no meter sends its backward-flow register
     * first; libmbus drops VIFE 0x3C) — except on a cooling-only meter, where it is cooling.
     */
    private static int compare(String name, String what, BigDecimal wh, BigDecimal joules, List<Lib> lib,
            String quantity, long storage, String function, boolean skip) {
        Lib l = first(lib, quantity, storage, function);
        if (l == null || skip) {
            return 0;
        }
        assertNotNull(wh, name + ": libmbus has " + what + " " + l.value + " " + l.unit + ", we have none");
        BigDecimal ours = switch (l.unit) {
            case "Wh" -> wh;
            case "J" -> joules;
            default -> throw new AssertionError(name + ": libmbus energy unit " + l.unit);
        };
        close(name, what, l.value, ours, BigDecimal.valueOf(1, 3));
        return 1;
    }

    private static int compare(String name, String what, BigDecimal ours, List<Lib> lib, String quantity,
            String unit, Function<BigDecimal, BigDecimal> toLib) {
        Lib l = first(lib, quantity, 0, "Instantaneous value");
        if (l == null) {
            return 0;
        }
        assertEquals(unit, l.unit, name + " " + what);
        assertNotNull(ours, name + ": libmbus has " + what + " " + l.value + " " + l.unit + ", we have none");
        close(name, what, l.value, toLib.apply(ours), BigDecimal.valueOf(1, 6));
        return 1;
    }

    private static int compareScaled(String name, String what, BigDecimal kw, List<Lib> lib, String quantity,
            long storage, String function) {
        Lib l = first(lib, quantity, storage, function);
        if (l == null) {
            return 0;
        }
        assertNotNull(kw, name + ": libmbus has " + what + " " + l.value + " " + l.unit + ", we have none");
        BigDecimal ours = switch (l.unit) {
            case "W" -> kw.movePointRight(3);
            case "J/h" -> kw.multiply(new BigDecimal("3.6E6"));
            default -> throw new AssertionError(name + ": libmbus power unit " + l.unit);
        };
        close(name, what, l.value, ours, BigDecimal.valueOf(1, 2));
        return 1;
    }

    private static int compareFlow(String name, String what, BigDecimal m3h, List<Lib> lib, String function) {
        Lib l = first(lib, "Volume flow", 0, function);
        if (l == null) {
            return 0;
        }
        assertNotNull(m3h, name + ": libmbus has " + what + " " + l.value + " " + l.unit + ", we have none");
        BigDecimal ours = switch (l.unit) {
            case "m^3/h" -> m3h;
            case "m^3/min" -> m3h.divide(BigDecimal.valueOf(60), 12, java.math.RoundingMode.HALF_EVEN);
            case "m^3/s" -> m3h.divide(BigDecimal.valueOf(3600), 12, java.math.RoundingMode.HALF_EVEN);
            default -> throw new AssertionError(name + ": libmbus flow unit " + l.unit);
        };
        close(name, what, l.value, ours, BigDecimal.valueOf(1, 6));
        return 1;
    }

    /** Operating time or, failing that, on time, in seconds (ours rounded to 6 decimals of an hour). */
    private static int compareHours(String name, BigDecimal hours, List<Lib> lib, String function) {
        Lib l = first(lib, "Operating time", 0, function);
        if (l == null) {
            l = first(lib, "On time", 0, function);
        }
        if (l == null) {
            return 0;
        }
        assertEquals("s", l.unit, name);
        assertNotNull(hours, name + ": libmbus has " + l.quantity + " " + l.value + " s (" + function + "), we have none");
        close(name, l.quantity, l.value, hours.multiply(BigDecimal.valueOf(3600)), new BigDecimal("0.01"));
        return 1;
    }

    /**
     * Equal within {@code tolerance}, or within 1e-7 relative: REAL32 records carry about seven
     * significant digits, which libmbus prints via a double ({@code 135.826416}) and our decoder
     * as the float's shortest decimal ({@code 135.82642}).
     */
    private static void close(String name, String what, BigDecimal expected, BigDecimal actual, BigDecimal tolerance) {
        BigDecimal relative = expected.abs().multiply(new BigDecimal("1E-7"));
        assertTrue(expected.subtract(actual).abs().compareTo(tolerance.max(relative)) <= 0,
                name + " " + what + ": libmbus " + expected.toPlainString() + ", ours " + actual.toPlainString());
    }

    private static Lib first(List<Lib> lib, String quantity, long storage, String function) {
        return lib.stream().filter(l -> l.quantity.equals(quantity) && l.plain(storage, function)).findFirst()
                .orElse(null);
    }

    /** One {@code <DataRecord>} of a libmbus {@code .norm.xml}. */
    record Lib(String function, long storage, int tariff, int device, String unit, String quantity, BigDecimal value) {

        boolean plain(long s, String f) {
            return storage == s && tariff == 0 && device == 0 && function.equals(f) && value != null;
        }

        private static final Pattern RECORD = Pattern.compile("<DataRecord id=\"\\d+\">(.*?)</DataRecord>",
                Pattern.DOTALL);

        /** Read as text: the files declare ISO-8859-1 but hold UTF-8 degree signs (see libmbus/README). */
        static List<Lib> parse(String xml) {
            List<Lib> out = new ArrayList<>();
            Matcher m = RECORD.matcher(xml);
            while (m.find()) {
                String r = m.group(1);
                String value = tag(r, "Value");
                BigDecimal v = null;
                if (value != null) {
                    try {
                        v = new BigDecimal(value.trim());
                    } catch (NumberFormatException notANumber) {
                        v = null;
                    }
                }
                String storage = tag(r, "StorageNumber");
                String tariff = tag(r, "Tariff");
                String device = tag(r, "Device");
                out.add(new Lib(tag(r, "Function"), storage == null ? -1 : Long.parseLong(storage),
                        tariff == null ? 0 : Integer.parseInt(tariff), device == null ? 0 : Integer.parseInt(device),
                        String.valueOf(tag(r, "Unit")), String.valueOf(tag(r, "Quantity")), v));
            }
            return out;
        }

        private static String tag(String r, String tag) {
            Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(r);
            return m.find() ? m.group(1) : null;
        }
    }
}
