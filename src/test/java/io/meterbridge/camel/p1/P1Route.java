package io.meterbridge.camel.p1;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A started Camel context with one route, {@code p1}, from a {@code p1:} URI, keeping a copy of every message. */
final class P1Route {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<Message> received = new ArrayList<>();

    private P1Route() {
    }

    static P1Route start(String uri) throws Exception {
        P1Route r = new P1Route();
        r.camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("p1").process(e -> {
                    synchronized (r.received) {
                        r.received.add(e.getMessage().copy());
                    }
                });
            }
        });
        r.camel.start();
        return r;
    }

    CamelContext camel() {
        return camel;
    }

    P1Consumer consumer() {
        return (P1Consumer) camel.getRoute("p1").getConsumer();
    }

    /** The messages so far, in arrival order. */
    List<Message> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
