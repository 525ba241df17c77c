package io.meterbridge.camel.p1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.meterbridge.camel.testing.ServiceHome;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A {@code p1:} route whose port is a directory says so in its log, as it would in the service. */
class P1PortPathTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryAsTheP1PortIsSaidToBeADirectory() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(P1StreamReader.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1:" + dir + "?reconnectDelay=5000").routeId("p1").to("log:never");
                }
            });
            camel.start();
            ServiceHome.await(Duration.ofSeconds(10), "the P1 warning", () -> !warnings(logged).isEmpty());
            assertEquals("P1 port " + dir + ": is a directory, not a serial device; give the P1 cable's device: "
                    + "/dev/ttyUSB0, /dev/ttyACM0, /dev/serial/by-id/… (list them with: ls -l /dev/serial/by-id/ "
                    + "/dev/ttyUSB* /dev/ttyACM*); trying again in 5000 ms, backing off to "
                    + maxDelay(camel) + " ms",
                    warnings(logged).get(0));
        } finally {
            camel.stop();
            log.detachAppender(logged);
        }
    }

    private static long maxDelay(CamelContext camel) {
        return ((P1Endpoint) camel.getRoute("p1").getEndpoint()).getConfiguration().getMaxReconnectDelay();
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> logged) {
        return List.copyOf(logged.list).stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
