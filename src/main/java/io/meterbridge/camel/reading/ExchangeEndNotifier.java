package io.meterbridge.camel.reading;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * An event notifier told of every exchange that ended, completed or failed, and of nothing else
 * (every other event would cost a dispatch per exchange for nothing); copies a multicast or
 * splitter made are left out, their outcome reaching the exchange they came from
 * ({@link ExchangeOutcome#isCopy}).
 */
public abstract class ExchangeEndNotifier extends EventNotifierSupport {

    protected ExchangeEndNotifier() {
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
    public final boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.ExchangeFailed || event.getType() == CamelEvent.Type.ExchangeCompleted;
    }

    @Override
    public final void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        if (!ExchangeOutcome.isCopy(exchange)) {
            ended(exchange, ExchangeOutcome.failure(exchange));
        }
    }

    /**
     * An exchange a route started with ended.
     *
     * @param failure what failed it (also when an {@code onException} handled it), or null
     */
    protected abstract void ended(Exchange exchange, Exception failure);
}
