package io.meterbridge.camel.homeassistant;

import io.meterbridge.link.BusLease;
import io.meterbridge.link.BusSettings;
import io.meterbridge.link.Buses;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.meter.Normalizer;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads one meter of a bus over the real bus master (the simulator in these tests) and puts its
 * normalised {@link io.meterbridge.meter.Reading} in the body: headers {@code SimPort} (the bus,
 * e.g. {@code sim:ha-1}) and {@code SimAddress} (primary address). A meter that does not answer
 * throws the bus master's exception, as a failed poll. Bound in test routes with
 * {@code camel.beans.simReader=#class:io.meterbridge.camel.homeassistant.SimReader}; stands in
 * for the {@code mbus:} component's read and the normalise step until they are on main.
 */
public final class SimReader implements Processor {

    private static final Buses BUSES = new Buses();
    private static final Map<String, BusLease> LEASES = new ConcurrentHashMap<>();
    private final Normalizer normalizer = new Normalizer();

    @Override
    public void process(Exchange exchange) throws Exception {
        String port = exchange.getMessage().getHeader("SimPort", String.class);
        int address = exchange.getMessage().getHeader("SimAddress", Integer.class);
        BusLease lease = LEASES.computeIfAbsent(port, p -> {
            try {
                return BUSES.acquire(BusSettings.of(p));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<LongFrame> frames = lease.master().readMeter(new MeterAddress.Primary(address));
        exchange.getMessage().setBody(normalizer.normalize(decode(frames), address, Instant.now()));
    }

    static List<Telegram> decode(List<LongFrame> frames) throws Exception {
        List<Telegram> telegrams = new ArrayList<>();
        for (LongFrame f : frames) {
            byte[] bytes = f.toBytes();
            telegrams.add(TelegramDecoder.decode(f.ci(), bytes, LongFrame.DATA_OFFSET, bytes.length - 2));
        }
        return telegrams;
    }
}
