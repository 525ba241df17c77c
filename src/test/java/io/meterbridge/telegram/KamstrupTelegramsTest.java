package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three real MULTICAL telegrams decode exactly to the expected values of kamstrup/*.json. */
class KamstrupTelegramsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Our unit → factor to the SI-style unit of the expected file. */
    private static final Map<String, BigDecimal> TO_SI = Map.of("kWh", new BigDecimal(1000), "MWh",
            new BigDecimal(1_000_000), "L", new BigDecimal("0.001"), "L/h", new BigDecimal("0.001"), "min",
            new BigDecimal(60), "h", new BigDecimal(3600), "d", new BigDecimal(86400), "kW", new BigDecimal(1000));

    static Telegram decode(String name) throws Exception {
        JsonNode doc = JSON.readTree(Corpus.text("kamstrup/" + name + ".json"));
        return Corpus.decodeLongFrame(Hex.parse(doc.get("hex").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"multical303-heat", "multical303-heat-cooling", "multical403-heat"})
    void everyRecordExact(String name) throws Exception {
        JsonNode doc = JSON.readTree(Corpus.text("kamstrup/" + name + ".json"));
        Telegram t = decode(name);
        JsonNode expected = doc.get("records");
        assertEquals(expected.size(), t.records().size(), "record count");
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            DataRecord r = t.records().get(i);
            String at = name + " record " + i + " (" + r.dif() + " " + r.vif() + ")";
            assertEquals(e.get("storage").asLong(), r.storage(), at);
            assertEquals(e.get("tariff").asInt(), r.tariff(), at);
            assertEquals(e.get("subunit").asInt(), r.subunit(), at);
            assertEquals(e.get("function").asText(), r.function().jsonName(), at);
            assertEquals(e.path("flow").asText("none"), r.flow().name().toLowerCase(), at + " flow");
            String quantity = e.get("quantity").asText();
            if (quantity.equals("Manufacturer specific")) {
                assertEquals(Quantity.MANUFACTURER_SPECIFIC, r.quantity(), at);
            } else {
                assertEquals(quantity.toLowerCase(), r.description().split(",")[0].toLowerCase(), at);
            }
            if (e.has("si")) {
                BigDecimal si = r.number().multiply(TO_SI.getOrDefault(r.unit(), BigDecimal.ONE));
                assertEquals(0, new BigDecimal(e.get("si").asText()).compareTo(si),
                        at + ": expected " + e.get("si") + " " + e.get("unit").asText() + ", got " + r.value() + " "
                                + r.unit());
                assertEquals(e.get("unit").asText(), siUnit(r.unit()), at);
            } else if (e.get("value").isNull()) {
                assertInstanceOf(Value.Invalid.class, r.value(), at);
            } else if (e.get("value").isNumber()) {
                assertEquals(0, new BigDecimal(e.get("value").asText()).compareTo(r.number()), at);
                assertEquals("", r.unit(), at);
            } else {
                assertEquals(new Value.Date(LocalDate.parse(e.get("value").asText())), r.value(), at);
            }
        }
        assertFalse(t.moreRecordsFollow());
        assertNull(t.manufacturerData());
    }

    private static String siUnit(String ours) {
        return switch (ours) {
            case "kWh", "MWh", "Wh" -> "Wh";
            case "L", "m³" -> "m³";
            case "L/h", "m³/h" -> "m³/h";
            case "kW", "W" -> "W";
            case "s", "min", "h", "d" -> "s";
            default -> ours;
        };
    }

    @Test
    void multical303HeatHeader() throws Exception {
        Telegram t = decode("multical303-heat");
        Header h = t.header();
        assertEquals(0x72, t.ci());
        assertEquals("82937133", h.address().idText());
        assertEquals("KAM", h.address().manufacturerText());
        assertEquals(0x40, h.address().version());
        assertEquals(0x04, h.address().medium());
        assertEquals(0x43, h.accessNumber());
        assertEquals(0x10, h.status());
        assertEquals(true, h.temporaryError());
        assertEquals(Header.ApplicationStatus.NO_ERROR, h.applicationStatus());
        assertEquals(0, h.signature());
        // 02 FF 22 00 01: 16-bit info code 256 = air in flow sensor, manufacturer VIFE 22 kept raw
        DataRecord info = t.records().get(13);
        assertEquals("FF22", info.vif());
        assertArrayEquals(new byte[] {0x22}, info.manufacturerVifes());
        assertEquals(new BigDecimal(256), info.number());
        // 42 6C 01 36: storage-1 target date 2024-06-01 (type G)
        assertEquals(new Value.Date(LocalDate.of(2024, 6, 1)), t.records().get(20).value());
    }

    @Test
    void coolingEnergyIsBackwardFlow() throws Exception {
        Telegram t = decode("multical303-heat-cooling");
        assertEquals(0x0D, t.header().address().medium());
        DataRecord heat = t.records().get(0);
        DataRecord cooling = t.records().get(1);
        assertEquals("04", cooling.dif());
        assertEquals("863C", cooling.vif());
        assertEquals(Quantity.ENERGY, cooling.quantity());
        assertEquals(Flow.BACKWARD, cooling.flow());
        assertEquals(Flow.NONE, heat.flow());
        assertEquals("Energy, backward flow", cooling.description());
        assertEquals("kWh", cooling.unit());
        assertEquals(List.of(new CombinableVife(0x3C, false, "backward flow")), cooling.combinables());
        assertEquals(new BigDecimal(154), heat.number());
        // the unset target date 00 00 is no date, not 2000-00-00
        DataRecord date = t.records().get(t.records().size() - 1);
        assertEquals(Quantity.DATE, date.quantity());
        assertInstanceOf(Value.Invalid.class, date.value());
    }

    @Test
    void multical403InfoCodeAndOperatingTime() throws Exception {
        Telegram t = decode("multical403-heat");
        DataRecord info = t.records().get(7);
        assertEquals("04", info.dif());
        assertEquals("FF22", info.vif());
        assertEquals(Quantity.MANUFACTURER_SPECIFIC, info.quantity());
        assertArrayEquals(new byte[] {0x22}, info.manufacturerVifes());
        DataRecord operating = t.records().get(8);
        assertEquals("A5FF21", operating.vif());
        assertEquals(Quantity.OPERATING_TIME, operating.quantity());
        assertEquals("min", operating.unit());
        assertEquals(new BigDecimal(2609351), operating.number());
        assertArrayEquals(new byte[] {0x21}, operating.manufacturerVifes());
        assertEquals("Operating time, manufacturer specific", operating.description());
        if (operating.combinables().size() != 0) {
            fail("the 0x7F escape is not a combinable VIFE: " + operating.combinables());
        }
    }
}
