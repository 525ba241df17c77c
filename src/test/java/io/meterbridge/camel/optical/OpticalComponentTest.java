package io.meterbridge.camel.optical;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.meterbridge.camel.service.MeterbridgeService;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The optical: component from YAML routes: what it refuses before it reads anything. */
class OpticalComponentTest {

    @TempDir
    Path home;

    final List<Exchange> got = new CopyOnWriteArrayList<>();
    final List<Exchange> failed = new CopyOnWriteArrayList<>();

    /** A bean that keeps copies of the exchanges it is given. */
    public static final class Collector {
        private final List<Exchange> list;

        Collector(List<Exchange> list) {
            this.list = list;
        }

        public void add(Exchange e) {
            list.add(e.copy());
        }
    }

    static final String ROUTES = """
            - routeConfiguration:
                id: failures
                onException:
                  - onException:
                      exception:
                        - io.meterbridge.link.MBusException
                      handled:
                        constant: true
                      steps:
                        - bean:
                            ref: failed
                            method: add
            - route:
                id: read
                routeConfigurationId: failures
                from:
                  uri: "%s"
                  steps:
                    - bean:
                        ref: got
                        method: add
            """;

    MeterbridgeService service(String uri) throws Exception {
        Files.createDirectories(home.resolve("routes"));
        Files.writeString(home.resolve("routes/test.yaml"), ROUTES.formatted(uri));
        MeterbridgeService s = new MeterbridgeService(home, Map.of("mbus.bus", ""), false)
                .bind("got", new Collector(got))
                .bind("failed", new Collector(failed));
        s.start();
        return s;
    }

    /** A simulated head of this test's own, so faults do not leak between tests. */
    static String port(String kind, TestInfo info) {
        return "sim:" + kind + ":" + info.getTestMethod().orElseThrow().getName();
    }

    @Test
    void optionsOfTheWrongProtocolOrNoneAreRefusedAtStart(TestInfo info) throws Exception {
        Exception none = assertThrows(Exception.class, () -> service("optical:" + port("kmp", info) + "?delay=1h"));
        assertTrue(messages(none).contains("needs protocol=kmp"), messages(none));
        Exception iec = assertThrows(Exception.class,
                () -> service("optical:" + port("iec62056", info) + "?protocol=iec62056&registers=E1"));
        assertTrue(messages(iec).contains("registers is a KMP option"), messages(iec));
        Exception model = assertThrows(Exception.class,
                () -> service("optical:" + port("kmp", info) + "?protocol=kmp&model=MULTICAL 9000"));
        assertTrue(messages(model).contains("optical option model=MULTICAL 9000"), messages(model));
        Exception typo = assertThrows(Exception.class,
                () -> service("optical:" + port("kmp", info) + "?protocol=kmp&registers=E1,V7"));
        assertTrue(messages(typo).contains("V7"), messages(typo));
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" / ");
        }
        return b.toString();
    }
}
