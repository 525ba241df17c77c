package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.P1Normalizer;
import io.meterbridge.p1.P1Parser;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.P1Version;
import io.meterbridge.sim.P1Simulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The generated type converter loader registers the P1 converters with Camel. */
class P1ConvertersTest {

    @Test
    void aReadingBecomesItsFlatMapAndATelegramItsReading() throws Exception {
        byte[] bytes = new P1Simulator(P1Version.DSMR_4, 4,
                ZonedDateTime.of(2026, 11, 21, 9, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))).next(Duration.ofSeconds(10));
        P1Telegram telegram = P1Parser.parse(new String(bytes, StandardCharsets.US_ASCII));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Exchange exchange = new DefaultExchange(camel);
            ElectricityReading converted = camel.getTypeConverter().mandatoryConvertTo(ElectricityReading.class,
                    exchange, telegram);
            assertEquals(Instant.ofEpochMilli(exchange.getClock().getCreated()), converted.readAt());
            ElectricityReading expected = new P1Normalizer().normalize(telegram, converted.readAt());
            assertEquals(expected, converted);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = camel.getTypeConverter().mandatoryConvertTo(Map.class, converted);
            assertEquals(expected.toMap(), map);
            assertNotNull(map.get("import_t2_kwh"));
        }
    }
}
