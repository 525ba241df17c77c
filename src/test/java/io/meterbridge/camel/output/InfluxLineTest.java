package io.meterbridge.camel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The line protocol {@link InfluxLine} writes, character for character. */
class InfluxLineTest {

    private final InfluxLine influx = new InfluxLine();

    @Test
    void aHeatReadingIsItsMeasurementIdentityTagsFloatFieldsAndTheTimeInNanoseconds() throws Exception {
        String reading = "{\"type\":\"heat\",\"meter_key\":\"kam_82937133\",\"manufacturer\":\"KAM\",\"manufacturer_name\":\"Kamstrup\","
                + "\"model\":\"MULTICAL 303\",\"meter_id\":82937133,\"primary_address\":1,\"medium\":\"heat\",\"medium_code\":4,"
                + "\"version\":\"0x1C\",\"read_at\":\"2026-12-04T19:14:23.123456789Z\",\"meter_clock\":\"2026-12-04T20:14\","
                + "\"status\":0,\"heat_energy\":1.2345,\"heat_energy_unit\":\"MWh\",\"heat_energy_kwh\":1234.5,"
                + "\"heat_energy_gj\":4.44420,\"volume_m3\":12,\"flow_temperature_c\":-0.5,\"power_kw\":0,"
                + "\"info_code\":0,\"info_alarms\":\"\",\"info_text\":\"\",\"problem\":false,\"target_date\":\"2026-01-01\","
                + "\"max_power_kw\":null,\"huge\":1E+20}";
        assertEquals("meterbridge_heat,manufacturer=KAM,meter_key=kam_82937133,model=MULTICAL\\ 303"
                + " flow_temperature_c=-0.5,heat_energy=1.2345,heat_energy_gj=4.4442,heat_energy_kwh=1234.5,huge=100000000000000000000,"
                + "info_code=0,info_text=\"\",power_kw=0,problem=false,status=0,volume_m3=12"
                + " 1796411663123456789", influx.line(reading));
        assertEquals(Instant.parse("2026-12-04T19:14:23.123456789Z"), Instant.ofEpochSecond(0, 1796411663123456789L));
    }

    @Test
    void theInstanceThatTookTheReadingIsAStringFieldSoAMovedBusKeepsItsSeries() throws Exception {
        String reading = "{\"type\":\"heat\",\"meter_key\":\"kam_82937133\",\"model\":\"MULTICAL 303\","
                + "\"read_at\":\"2026-12-04T19:14:23Z\",\"volume_m3\":12,\"instance\":\"boiler-room-1\"}";
        assertEquals("meterbridge_heat,meter_key=kam_82937133,model=MULTICAL\\ 303 instance=\"boiler-room-1\",volume_m3=12"
                + " 1796411663000000000", influx.line(reading));
    }

    @Test
    void theTimeIsReadAtExactlyWhateverItsPrecision() throws Exception {
        assertTrue(influx.line(reading("2026-12-04T19:14:23Z")).endsWith(" 1796411663000000000"));
        assertTrue(influx.line(reading("2026-12-04T19:14:23.5Z")).endsWith(" 1796411663500000000"));
        assertTrue(influx.line(reading("2026-12-04T19:14:23.000123Z")).endsWith(" 1796411663000123000"));
        assertTrue(influx.line(reading("1969-12-31T23:59:59.9Z")).endsWith(" -100000000"));
    }

    @Test
    void commasSpacesAndEqualsSignsAreEscapedInNamesAndTagsQuotesAndBackslashesInStrings() throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "odd kind,x");
        r.put("meter_key", "a=b,c d");
        r.put("model", "Model\nwith line end");
        r.put("manufacturer", "  ");
        r.put("weird key=1,2", 3.25);
        r.put("text_message", "say \"hi\" C:\\path\r\n");
        r.put("read_at", "2026-12-04T19:14:23Z");
        assertEquals("meterbridge_odd\\ kind\\,x,meter_key=a\\=b\\,c\\ d,model=Model\\ with\\ line\\ end"
                + " text_message=\"say \\\"hi\\\" C:\\\\path  \",weird\\ key\\=1\\,2=3.25 1796411663000000000", influx.line(r));
    }

    @Test
    void anElectricityReadingHasItsOwnMeasurementAndLeavesTimesUnitsAndListsOut() throws Exception {
        String reading = "{\"type\":\"electricity\",\"meter_key\":\"p1_E0043007\",\"model\":\"DSMR 5.0\",\"read_at\":\"2026-12-04T19:14:23Z\","
                + "\"import_kwh\":123.456,\"import_t1_kwh\":100.000,\"tariff\":2,\"gas_m3\":3.5,\"gas_time\":\"2026-12-04T19:10:00Z\","
                + "\"mbus1_value\":3.5,\"mbus1_unit\":\"m3\",\"l1_voltage_v\":230.1,\"info_alarms\":[\"a\"]}";
        assertEquals("meterbridge_electricity,meter_key=p1_E0043007,model=DSMR\\ 5.0"
                + " gas_m3=3.5,import_kwh=123.456,import_t1_kwh=100,l1_voltage_v=230.1,mbus1_value=3.5,tariff=2 1796411663000000000",
                influx.line(reading));
    }

    @Test
    void aReadingThatCannotBeAPointSaysWhy() {
        assertEquals("a reading for InfluxDB needs read_at, found none in {\"type\":\"heat\",\"meter_key\":\"m\",\"power_kw\":1}",
                assertThrows(InfluxLineException.class, () -> influx.line("{\"type\":\"heat\",\"meter_key\":\"m\",\"power_kw\":1}")).getMessage());
        assertEquals("a reading for InfluxDB needs type, found none in {\"n\":1}",
                assertThrows(InfluxLineException.class, () -> influx.line("{\"n\":1}")).getMessage());
        assertEquals("read_at of m is not an instant InfluxDB can store (1677 to 2262, such as 2026-12-04T19:14:23.123Z), found 'yesterday'",
                assertThrows(InfluxLineException.class, () -> influx.line(
                        "{\"type\":\"heat\",\"meter_key\":\"m\",\"read_at\":\"yesterday\",\"power_kw\":1}")).getMessage());
        assertEquals("reading of m at 2026-12-04T19:14:23Z has no number or boolean to write as a field: "
                + "{\"type\":\"heat\",\"meter_key\":\"m\",\"read_at\":\"2026-12-04T19:14:23Z\",\"medium\":\"heat\"}",
                assertThrows(InfluxLineException.class, () -> influx.line(
                        "{\"type\":\"heat\",\"meter_key\":\"m\",\"read_at\":\"2026-12-04T19:14:23Z\",\"medium\":\"heat\"}")).getMessage());
    }

    private static String reading(String readAt) {
        return "{\"type\":\"heat\",\"meter_key\":\"m\",\"power_kw\":1,\"read_at\":\"" + readAt + "\"}";
    }
}
