package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.meterbridge.meter.KamstrupExpected;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The bean as routes meet it when MQTT is off, and what it says about a misplaced step. */
class HomeAssistantPublisherTest {

    @Test
    void withoutABrokerItTakesReadingsAndFailuresAndDoesNothing() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            HomeAssistantPublisher p = new HomeAssistantPublisher(
                    HomeAssistantSettings.from(DefaultProperties.only()), null, ctx, "1.0");
            ctx.addService(p);
            ctx.start();
            assertFalse(p.configured());
            assertFalse(p.active());
            Exchange reading = new DefaultExchange(ctx);
            reading.getMessage().setBody(KamstrupExpected.multical403Heat());
            p.process(reading);
            Exchange failed = new DefaultExchange(ctx);
            failed.setProperty(Exchange.EXCEPTION_CAUGHT, new java.io.IOException("no reply"));
            p.process(failed);
            assertTrue(p.meterKeys().isEmpty(), "nothing kept while off");
            assertTrue(p.reconcile().isEmpty());
        }
    }

    @Test
    void aBodyThatIsNoReadingSaysWhereTheStepBelongs() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            HomeAssistantPublisher p = new HomeAssistantPublisher(
                    HomeAssistantSettings.from(DefaultProperties.with(Map.of("homeassistant.enabled", "false"))), null, ctx,
                    "1.0");
            Exchange e = new DefaultExchange(ctx);
            e.getMessage().setBody("{\"meter_key\":\"kam_1\"}");
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> p.process(e));
            assertEquals("homeAssistant expects a normalised reading (io.meterbridge.meter.Reading) or a failed poll, "
                    + "found a body of type java.lang.String; put it after the normalize step", x.getMessage());
        }
    }
}
