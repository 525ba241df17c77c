package io.meterbridge.camel.optical;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Reads the meter on demand: the body becomes its {@code Reading}, with the consumer's headers. */
final class OpticalProducer extends DefaultProducer {

    private final OpticalEndpoint endpoint;

    OpticalProducer(OpticalEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        endpoint.read(exchange.getMessage());
    }
}
