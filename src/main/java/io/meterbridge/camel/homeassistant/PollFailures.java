package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mbus.MbusEndpoint;
import io.meterbridge.camel.optical.OpticalEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Hands every failed poll of an {@code mbus:} or {@code optical:} consumer to the {@link HomeAssistantPublisher},
 * from Camel's own exchange events, so that a route needs no {@code homeAssistant} step in its
 * {@code onException} for a meter to go offline.
 *
 * <p>Camel ends an exchange with {@code ExchangeFailed} only while it still carries its exception;
 * an exception that an {@code onException} marked handled is cleared and the exchange ends with
 * {@code ExchangeCompleted}, the error handler having set
 * {@link org.apache.camel.ExchangeExtension#isFailureHandled()} and kept the exception in
 * {@link Exchange#EXCEPTION_CAUGHT}. Both count; an exception a {@code doTry/doCatch} caught does
 * not (the route dealt with it and the error handler never saw it).
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
        // copies a multicast or splitter made end on their own; their failure reaches the poll's
        // own exchange, which is the one to count
        if (!(from instanceof MbusEndpoint || from instanceof OpticalEndpoint) || exchange.getProperty(ExchangePropertyKey.CORRELATION_ID) != null) {
            return;
        }
        Exception failure = failure(exchange);
        if (failure != null) {
            Source source = Source.of(exchange, null);
            publisher.on((s, now) -> s.failedPoll(source, failure, now));
        }
    }

    /** The exception that failed the poll, or null if it did not fail. */
    static Exception failure(Exchange exchange) {
        if (exchange.getException() != null) {
            return exchange.getException();
        }
        if (exchange.getExchangeExtension().isFailureHandled()) {
            return exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Exception.class);
        }
        return null;
    }
}
