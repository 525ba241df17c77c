package io.meterbridge.camel.optical;

import io.meterbridge.camel.reading.MeterPollConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Each poll reads the meter once and emits one exchange, its body the normalised {@code Reading};
 * a read that fails gives an exchange carrying the exception (and the port and protocol headers),
 * routed like any failure so {@code onException}, dead-letter channels and Home Assistant's
 * availability see it.
 */
final class OpticalConsumer extends MeterPollConsumer {

    private final OpticalEndpoint endpoint;

    OpticalConsumer(OpticalEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        Exchange exchange = createExchange(false);
        try {
            int read = 0;
            try {
                endpoint.read(exchange.getMessage());
                read = 1;
            } catch (Exception e) {
                exchange.setException(e); // the route's error handler decides
            }
            getProcessor().process(exchange);
            return read;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
