package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.optical.OpticalEndpoint;
import io.meterbridge.camel.reading.ExchangeEndNotifier;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * Hands every failed poll of an {@code mbus:} or {@code optical:} consumer to the {@link HomeAssistantPublisher},
 * from Camel's own exchange events, so that a route needs no {@code homeAssistant} step in its
 * {@code onException} for a meter to go offline.
 * What counts as a failed poll, and which exchange is a poll's own, is {@link ExchangeEndNotifier}'s.
 */
final class PollFailures extends ExchangeEndNotifier {

    private final HomeAssistantPublisher publisher;

    PollFailures(HomeAssistantPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    protected void ended(Exchange exchange, Exception failure) {
        Endpoint from = exchange.getFromEndpoint();
        if (!(from instanceof MbusEndpoint || from instanceof OpticalEndpoint)) {
            return;
        }
        if (failure != null) {
            Source source = Source.of(exchange, null);
            publisher.on((s, now) -> s.failedPoll(source, failure, now));
        }
    }
}
