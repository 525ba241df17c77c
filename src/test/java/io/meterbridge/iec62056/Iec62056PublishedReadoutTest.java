package io.meterbridge.iec62056;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Published Landis+Gyr ULTRAHEAT readouts (src/test/resources/iec62056/README.md) parsed to their
 * published values. The UH50 readout of ultraheat-api carries its BCC; the others were published
 * without STX/ETX/BCC, so the block is framed here and its BCC computed here, which tests the parsing
 * of their lines, not their checksum. Expected values are those asserted by the publishers' own tests
 * (ultraheat-api {@code tests/test_uh50.py}, {@code tests/test_t550.py}) where there are some, read off
 * the readout text otherwise.
 */
class Iec62056PublishedReadoutTest {

    private static DataBlock parse(String name) throws Iec62056FormatException {
        return DataBlockParser.parse(Readouts.block(Readouts.dataLines(name)));
    }

    private static DataSetValue value(DataBlock block, String address) {
        return block.dataSet(address).orElseThrow(() -> new AssertionError("no " + address)).value();
    }

    private static void assertQuantity(String number, String unit, DataSetValue actual) {
        assertEquals(new BigDecimal(number), actual.decimal(), actual.toString());
        assertEquals(unit, actual.unit(), actual.toString());
    }

    private static List<String> texts(DataSet d) {
        return d.values().stream().map(DataSetValue::text).toList();
    }

    @Test
    void uh50InGigajoulesWithItsPublishedBcc() throws Exception {
        byte[] bytes = Readouts.block(Readouts.dataLines(Readouts.UH50_GJ), Readouts.UH50_GJ_PUBLISHED_BCC);
        DataBlock b = DataBlockParser.parse(bytes);
        assertEquals('h', b.bcc());
        assertEquals(23, b.lineCount());
        assertEquals(66, b.dataSets().size());
        assertEquals("6.8(0328.871*GJ)", b.dataSets().get(0).text());
        assertEquals("0.0(66153690)", b.dataSets().get(65).text());

        // ultraheat-api tests/test_uh50.py, assert_response_data
        assertQuantity("328.871", "GJ", value(b, "6.8"));
        assertQuantity("3329.67", "m3", value(b, "6.26"));
        assertEquals("66153690", value(b, "9.21").text());
        assertQuantity("3188.07", "m3", value(b, "6.26*01"));
        assertQuantity("314.658", "GJ", value(b, "6.8*01"));
        assertEquals("0", value(b, "F").text());
        assertEquals("66153690", value(b, "9.20").text());
        assertQuantity("60", "m", value(b, "6.35"));
        assertQuantity("22.4", "kW", value(b, "6.6"));
        assertQuantity("22.4", "kW", value(b, "6.6*01"));
        assertQuantity("0.744", "m3ph", value(b, "6.33"));
        List<DataSetValue> temperatures = b.dataSet("9.4").orElseThrow().values();
        assertQuantity("98.5", "C", temperatures.get(0));
        assertQuantity("96.1", "C", temperatures.get(1));
        assertQuantity("107988", "h", value(b, "6.31"));
        assertQuantity("5", "h", value(b, "6.32"));
        assertQuantity("5", "h", value(b, "6.32*01"));
        assertEquals(List.of("01-01", "00:00"), texts(b.dataSet("6.36").orElseThrow()));
        assertQuantity("0.744", "m3ph", value(b, "6.33*01"));
        List<DataSetValue> previous = b.dataSet("9.4*01").orElseThrow().values();
        assertQuantity("98.5", "C", previous.get(0));
        assertQuantity("96.1", "C", previous.get(1));
        assertEquals(List.of("01", "00:00"), texts(b.dataSet("6.36*02").orElseThrow()));
        assertEquals(List.of("2022-05-19", "19:41:17"), texts(b.dataSet("9.36").orElseThrow()));
        assertQuantity("1.5", "m3ph", value(b, "9.24"));
        assertEquals("0 1 0 0000 CECV CECV 1 5.16 5.16 F 101008 040404 08 0",
                String.join(" ", texts(b.dataSet("9.1").orElseThrow())));
        assertQuantity("28849", "h", value(b, "9.31"));
    }

    @Test
    void exactValuesKeepTheirScale() throws Exception {
        DataBlock b = parse(Readouts.UH50_GJ);
        BigDecimal energy = value(b, "6.8").decimal();
        assertEquals("328.871", energy.toPlainString());
        assertEquals(3, energy.scale());
        assertEquals("0.744", value(b, "6.33").decimal().toPlainString());
        assertEquals("107988", value(b, "6.31").decimal().toPlainString());
    }

    @Test
    void t550InMegawattHours() throws Exception {
        DataBlock b = parse(Readouts.T550_MWH);
        assertEquals(66, b.dataSets().size());
        // ultraheat-api tests/test_t550.py; it asserts GJ, converted from the MWh the meter sends
        assertQuantity("326.062", "MWh", value(b, "6.8"));
        assertEquals(new BigDecimal("1173.8232"), value(b, "6.8").decimal().multiply(new BigDecimal("3.6")));
        assertQuantity("323.272", "MWh", value(b, "6.8*01"));
        assertEquals(new BigDecimal("1163.7792"), value(b, "6.8*01").decimal().multiply(new BigDecimal("3.6")));
        assertQuantity("7939.56", "m3", value(b, "6.26"));
        assertQuantity("7843.48", "m3", value(b, "6.26*01"));
        assertEquals("00073600", value(b, "9.21").text());
        assertEquals("66935074", value(b, "9.20").text());
        assertEquals("0", value(b, "F").text());
        assertQuantity("28.0", "kW", value(b, "6.6"));
        assertQuantity("0.840", "m3ph", value(b, "6.33"));
        assertQuantity("108.5", "C", b.dataSet("9.4").orElseThrow().values().get(0));
        assertQuantity("88.1", "C", b.dataSet("9.4").orElseThrow().values().get(1));
        assertQuantity("88324", "h", value(b, "6.31"));
        assertQuantity("1", "h", value(b, "6.32"));
        assertEquals(List.of("2022-06-08", "10:06:51"), texts(b.dataSet("9.36").orElseThrow()));
        assertEquals("0 1 0 0017 CECV CECV 1 5.19 5.19 F 081008 040404 08 0 00 ?:",
                String.join(" ", texts(b.dataSet("9.1").orElseThrow())));
        assertQuantity("59615", "h", value(b, "9.31"));
    }

    @Test
    void esphomeUh50ReaderReadoutInMegawattHours() throws Exception {
        DataBlock b = parse(Readouts.UH50_MWH);
        // read off psvanstrom/esphome-uh50reader test/example_telegram.txt; its parser reads 6.8 and 6.26
        assertQuantity("71.873", "MWh", value(b, "6.8"));
        assertQuantity("1804.89", "m3", value(b, "6.26"));
        assertQuantity("69.507", "MWh", value(b, "6.8*01"));
        assertQuantity("149.4", "C", b.dataSet("9.4").orElseThrow().values().get(0));
        assertQuantity("28573", "h", value(b, "6.31"));
        assertEquals("68940118", value(b, "0.0").text());
        assertEquals(List.of("2021-01-20", "20:16:59"), texts(b.dataSet("9.36").orElseThrow()));
    }

    @Test
    void ultraheat50ReadoutInGigajoules() throws Exception {
        DataBlock b = parse(Readouts.UH50_GJ_2);
        // read off berrydenhartog/ultraheat50 tests/mockdata.py
        assertQuantity("203.951", "GJ", value(b, "6.8"));
        assertQuantity("2062.98", "m3", value(b, "6.26"));
        assertQuantity("192.076", "GJ", value(b, "6.8*01"));
        assertQuantity("339", "h", value(b, "6.32"));
        assertQuantity("112064", "h", value(b, "6.31"));
        assertQuantity("12747", "h", value(b, "9.31"));
        assertEquals(List.of("2022-06-30", "13:40:07"), texts(b.dataSet("9.36").orElseThrow()));
    }

    /** Every entry of the table is in every published readout, with one of the units the table gives. */
    @ParameterizedTest
    @ValueSource(strings = {Readouts.UH50_GJ, Readouts.T550_MWH, Readouts.UH50_MWH, Readouts.UH50_GJ_2})
    void theFieldTableMatchesEveryPublishedReadout(String name) throws Exception {
        DataBlock b = parse(name);
        for (LandisGyrUltraheat field : LandisGyrUltraheat.values()) {
            DataSet d = field.in(b).orElseThrow(() -> new AssertionError(name + ": no " + field.address()));
            for (DataSetValue v : d.values()) {
                if (field.units().isEmpty()) {
                    assertEquals("", v.unit(), name + " " + d);
                } else {
                    assertTrue(field.units().contains(v.unit()), name + " " + d);
                    assertTrue(v.isNumber(), name + " " + d);
                }
            }
            assertEquals(field, LandisGyrUltraheat.of(d.address()).orElseThrow());
        }
        Set<String> unnamed = new TreeSet<>();
        for (DataSet d : b.dataSets()) {
            if (LandisGyrUltraheat.of(d.address()).isEmpty()) {
                unnamed.add(d.address().code());
            }
        }
        // the addresses LandisGyrUltraheat's javadoc lists as named by no source
        assertEquals(new TreeSet<>(List.of("6.26.1", "6.26.4", "6.26.5", "6.36.1", "6.36.2", "6.36.3", "6.36.4", "6.36.5",
                "6.8.1", "6.8.2", "6.8.3", "6.8.4", "6.8.5", "8.26.1", "8.26.2", "9.0.1", "9.0.2", "9.17", "9.18", "9.19",
                "9.2", "9.22", "9.25", "9.29", "9.34.1", "9.34.2", "9.6", "9.7")), unnamed);
    }

    @Test
    void theFourReadoutsHaveTheSameDataSetsInTheSameOrder() throws Exception {
        List<String> uh50 = parse(Readouts.UH50_GJ).dataSets().stream().map(d -> d.address().text()).toList();
        for (String name : List.of(Readouts.T550_MWH, Readouts.UH50_MWH, Readouts.UH50_GJ_2)) {
            assertEquals(uh50, parse(name).dataSets().stream().map(d -> d.address().text()).toList(), name);
        }
    }
}
