package io.meterbridge.camel.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

/**
 * In a real Camel context: the exchange a route starts with is one outcome, also when the route
 * multicasts (Camel merges a copy's properties, its correlation id among them, back into the
 * original, which once made the original look like a copy and go uncounted); the copies are not.
 */
class ExchangeOutcomeTest {

    @Test
    void aMulticastingRoutesOwnExchangeCountsOnceAndItsCopiesNot() throws Exception {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public boolean isEnabled(CamelEvent event) {
                    return event.getType() == CamelEvent.Type.ExchangeCompleted || event.getType() == CamelEvent.Type.ExchangeFailed;
                }

                @Override
                public void notify(CamelEvent event) {
                    Exchange e = ((ExchangeEvent) event).getExchange();
                    if (!ExchangeOutcome.isCopy(e)) {
                        outcomes.add(e.getFromRouteId() + ":" + (ExchangeOutcome.failure(e) == null ? "ok" : "failed"));
                    }
                }
            });
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(IllegalStateException.class).handled(true);
                    from("direct:poll").routeId("poll").multicast().to("direct:a", "direct:b");
                    from("direct:a").routeId("a").log("a");
                    from("direct:b").routeId("b").log("b");
                    from("direct:broken").routeId("broken").multicast().to("direct:a", "direct:fails");
                    from("direct:fails").routeId("fails").throwException(new IllegalStateException("no answer"));
                }
            });
            ctx.start();
            ctx.createProducerTemplate().sendBody("direct:poll", "x");
            ctx.createProducerTemplate().sendBody("direct:broken", "x");
        }
        assertEquals(List.of("poll:ok", "broken:failed"), outcomes);
    }
}
