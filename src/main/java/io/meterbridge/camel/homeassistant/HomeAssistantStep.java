package io.meterbridge.camel.homeassistant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What routes call as {@code process: {ref: homeAssistant}}: hands each exchange to the
 * {@link HomeAssistantPublisher}. It is not the publisher itself because Camel starts and stops
 * the services among a route's processors with the route: a route-file edit then stopped and
 * started the publisher, which announced every meter again and added one more on-connect hook
 * per edit. The publisher is the context's service, started and stopped with the context only.
 */
record HomeAssistantStep(HomeAssistantPublisher publisher) implements Processor {

    @Override
    public void process(Exchange exchange) {
        publisher.process(exchange);
    }
}
