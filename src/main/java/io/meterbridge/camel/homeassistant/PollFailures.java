package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.optical.OpticalEndpoint;
import io.meterbridge.camel.reading.ExchangeOutcome;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Hands every failed poll of an {@code mbus:} or {@code optical:} consumer to the {@link HomeAssistantPublisher},
 * from Camel's own exchange events, so that a route needs no {@code homeAssistant} step in its
 * {@code onException} for a meter to go offline.
 * What counts as a failed poll, and which exchange is a poll's own, is {@link ExchangeOutcome}'s.
 */
final class PollFailures extends EventNotifierSupport {

    private final HomeAssistantPublisher publisher;

    PollFailures(HomeAssistantPublisher publisher) {
        this.publisher = publisher;
        // only the two events below: the others would cost a dispatch per exchange for nothing
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.ExchangeFailed || event.getType() == CamelEvent.Type.ExchangeCompleted;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        Endpoint from = exchange.getFromEndpoint();
        if (!(from instanceof MbusEndpoint || from instanceof OpticalEndpoint) || ExchangeOutcome.isCopy(exchange)) {
            return;
        }
        Exception failure = ExchangeOutcome.failure(exchange);
        if (failure != null) {
            Source source = Source.of(exchange, null);
            publisher.on((s, now) -> s.failedPoll(source, failure, now));
        }
    }
}
