package io.meterbridge.camel.reading;

import java.math.BigDecimal;
import java.util.List;

import io.meterbridge.camel.mbus.MbusConstants;
import io.meterbridge.camel.mbus.MeterRead;
import io.meterbridge.meter.Normalizer;
import io.meterbridge.meter.Reading;
import io.meterbridge.telegram.Telegram;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;

/**
 * The {@code normalize} processor ({@code process: {ref: normalize}} in YAML): turns the body of
 * an {@code mbus:} exchange ({@link MeterRead}) — or a {@code List<Telegram>} — into one
 * {@link Reading} in explicit units, whatever the meter's record layout (Kamstrup MULTICAL
 * 303/403 and family, any EN 13757-3 heat meter, or generic). Sets header
 * {@code MeterbridgeMeterKey} (stable per physical meter). A {@code Reading} body is converted to
 * JSON (its flat map) wherever a route needs text.
 */
public final class NormalizeProcessor implements Processor {

    private final Normalizer normalizer;

    /**
     * @param calorificValueMjPerM3 adds the gas-equivalent volume estimate to heat readings with
     *                              this calorific value (MJ/m³), or null for none
     */
    public NormalizeProcessor(BigDecimal calorificValueMjPerM3) {
        this.normalizer = new Normalizer(calorificValueMjPerM3);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        Reading reading;
        if (body instanceof MeterRead read) {
            reading = normalizer.normalize(read.telegrams(), read.primaryAddress(), read.readAt());
        } else if (body instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Telegram.class::isInstance)) {
            @SuppressWarnings("unchecked")
            List<Telegram> telegrams = (List<Telegram>) list;
            reading = normalizer.normalize(telegrams, exchange.getMessage().getHeader(MbusConstants.PRIMARY_ADDRESS, Integer.class),
                    java.time.Instant.now());
        } else if (body instanceof Reading r) {
            reading = r;
        } else {
            throw new InvalidPayloadException(exchange, MeterRead.class);
        }
        exchange.getMessage().setHeader(ReadingConstants.METER_KEY, reading.meter().stableKey());
        exchange.getMessage().setBody(reading);
    }
}
