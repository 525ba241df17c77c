package io.meterbridge.cli;

import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Parity;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every bus command shares: where the bus is and how to talk to it. */
final class BusOptions {

    @Option(names = "--port", paramLabel = "PORT",
            description = "Serial port (/dev/ttyUSB0, /dev/serial/by-id/…, COM3), tcp:HOST:PORT, or sim / sim:paced "
                    + "for the built-in simulator.")
    String port;

    @Option(names = "--tcp", paramLabel = "HOST:PORT",
            description = "An M-Bus/Ethernet gateway or ser2net port instead of --port.")
    String tcp;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "2400",
            description = "Baud rate, 300–38400 (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--parity", paramLabel = "even|odd|none", defaultValue = "even",
            description = "Parity (default: ${DEFAULT-VALUE}; M-Bus is 8E1).")
    String parity;

    @Option(names = "--latency", paramLabel = "MS",
            description = "Adapter latency added to every EN 13757-2 timeout, in ms (default 50; 0 for sim).")
    Integer latencyMillis;

    @Option(names = "--retries", paramLabel = "N", description = "Retries after a missing or corrupt answer (default 2).")
    Integer retries;

    @Option(names = "--wake-up", paramLabel = "MS",
            description = "A meter on its optical eye (IR head): send the wake-up preamble (0x55 at the baud rate 8N1) "
                    + "for MS ms before every request; such meters typically need 2200, and answer at --address 254.")
    Integer wakeUpMillis;

    /** Settings from the options. */
    BusSettings settings() {
        BusSettings s = BusSettings.of(portName()).withBaud(baud).withParity(Parity.parse(parity));
        if (latencyMillis != null) {
            s = s.withAdapterLatency(Duration.ofMillis(latencyMillis));
        }
        if (retries != null) {
            s = s.withRetries(retries);
        }
        if (wakeUpMillis != null) {
            s = s.withWakeUp(Duration.ofMillis(wakeUpMillis));
        }
        return s;
    }

    /** The port from --port or --tcp. */
    String portName() {
        String p;
        if (tcp != null && port != null) {
            throw new IllegalArgumentException("give either --port or --tcp, not both");
        } else if (tcp != null) {
            p = "tcp:" + tcp;
        } else if (port != null) {
            p = port;
        } else {
            throw new IllegalArgumentException("which bus? give --port /dev/ttyUSB0 (or tcp:HOST:PORT, or sim), "
                    + "or --tcp HOST:PORT");
        }
        return p;
    }
}
