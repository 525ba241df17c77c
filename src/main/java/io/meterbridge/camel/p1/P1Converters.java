package io.meterbridge.camel.p1;

import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.P1Normalizer;
import io.meterbridge.p1.P1Telegram;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;

/**
 * Type converters for P1 bodies, so routes can write {@code convertBodyTo: java.util.Map} before
 * {@code marshal: json} (the reading's flat, published key set), or receive the telegram itself and
 * convert it to a reading.
 */
@Converter(generateLoader = true)
public final class P1Converters {

    private static final P1Normalizer NORMALIZER = new P1Normalizer();

    private P1Converters() {
    }

    /** The reading's flat map ({@link ElectricityReading#toMap()}): snake_case keys, absent values left out. */
    @Converter
    public static Map<String, Object> toMap(ElectricityReading reading) {
        return reading.toMap();
    }

    /** The normalised reading of a telegram, read at the time the exchange was created (now without one). */
    @Converter
    public static ElectricityReading toReading(P1Telegram telegram, Exchange exchange) {
        Instant readAt = exchange != null ? Instant.ofEpochMilli(exchange.getClock().getCreated()) : Instant.now();
        return NORMALIZER.normalize(telegram, readAt);
    }
}
