package io.meterbridge.camel.p1;

import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.P1Normalizer;
import io.meterbridge.p1.P1Telegram;
import java.time.Instant;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;

/**
 * Type converters for P1 bodies: a route that carries the telegram itself can convert it to its
 * reading. (A reading to its flat map or JSON text: {@code camel.reading.ReadingConverters}.)
 */
@Converter(generateLoader = true)
public final class P1Converters {

    private static final P1Normalizer NORMALIZER = new P1Normalizer();

    private P1Converters() {
    }

    /** The normalised reading of a telegram, read at the time the exchange was created (now without one). */
    @Converter
    public static ElectricityReading toReading(P1Telegram telegram, Exchange exchange) {
        Instant readAt = exchange != null ? Instant.ofEpochMilli(exchange.getClock().getCreated()) : Instant.now();
        return NORMALIZER.normalize(telegram, readAt);
    }
}
