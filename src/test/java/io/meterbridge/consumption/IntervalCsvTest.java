package io.meterbridge.consumption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class IntervalCsvTest {

    static IntervalUse use(String start, String end, String meterKey, Counter c, String amount, boolean estimated) {
        return new IntervalUse(OffsetDateTime.parse(start), OffsetDateTime.parse(end), meterKey, c, new BigDecimal(amount),
                estimated, false);
    }

    @Test
    void aHeaderThenALinePerIntervalWithOffsetsPlainDecimalsAndCrLf() {
        String csv = IntervalCsv.toCsv(List.of(
                use("2026-10-25T02:00+02:00", "2026-10-25T02:00+01:00", "kam_1", Counter.HEAT_ENERGY_GJ, "0.0072", false),
                use("2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00", "kam_1", Counter.VOLUME_M3, "1E+1", true)));
        assertEquals("start,end,meter_key,counter,unit,amount,estimated\r\n"
                + "2026-10-25T02:00:00+02:00,2026-10-25T02:00:00+01:00,kam_1,heat_energy_gj,GJ,0.0072,false\r\n"
                + "2026-10-25T02:00:00+01:00,2026-10-25T03:00:00+01:00,kam_1,volume_m3,m³,10,true\r\n", csv);
    }

    @Test
    void aFieldWithACommaQuoteOrLineEndIsQuotedAndItsQuotesDoubled() {
        String csv = IntervalCsv.toCsv(List.of(use("2026-01-10T10:00Z", "2026-01-10T11:00Z", "a,\"b\"\nc",
                Counter.IMPORT_KWH, "1.5", false)));
        assertEquals("start,end,meter_key,counter,unit,amount,estimated\r\n"
                + "2026-01-10T10:00:00Z,2026-01-10T11:00:00Z,\"a,\"\"b\"\"\nc\",import_kwh,kWh,1.5,false\r\n", csv);
        assertEquals("plain", IntervalCsv.field("plain"));
        assertEquals("\"cr\r\"", IntervalCsv.field("cr\r"));
    }

    @Test
    void noIntervalsIsTheHeaderAlone() {
        assertEquals(IntervalCsv.HEADER + "\r\n", IntervalCsv.toCsv(List.of()));
    }
}
