package io.meterbridge.camel.reading;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * How an event notifier tells what an ended exchange was: a poll's own exchange or a copy that a
 * multicast or splitter made, and whether it failed. Shared by everything that follows polls from
 * Camel's exchange events (Home Assistant's availability, the status page).
 */
public final class ExchangeOutcome {

    private ExchangeOutcome() {
    }

    /**
     * True for a multicast's or splitter's copy, whose outcome reaches the exchange it was made
     * from. A copy carries its origin's id as {@link ExchangePropertyKey#CORRELATION_ID}; the
     * origin itself may carry its own id there too, once a multicast merged a copy's properties
     * back into it, so the property alone does not make a copy.
     */
    public static boolean isCopy(Exchange exchange) {
        String origin = exchange.getProperty(ExchangePropertyKey.CORRELATION_ID, String.class);
        return origin != null && !origin.equals(exchange.getExchangeId());
    }

    /**
     * The exception that failed the exchange, or null if it did not fail. Camel ends an exchange
     * with {@code ExchangeFailed} only while it still carries its exception; one that an
     * {@code onException} marked handled ends with {@code ExchangeCompleted}, the error handler
     * having set {@link org.apache.camel.ExchangeExtension#isFailureHandled()} and kept the
     * exception in {@link Exchange#EXCEPTION_CAUGHT}. Both count; an exception a
     * {@code doTry/doCatch} caught does not (the route dealt with it).
     */
    public static Exception failure(Exchange exchange) {
        if (exchange.getException() != null) {
            return exchange.getException();
        }
        if (exchange.getExchangeExtension().isFailureHandled()) {
            return exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Exception.class);
        }
        return null;
    }
}
