package io.meterbridge.camel.mbus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.meterbridge.link.BusMaster;
import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MBusException;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.meter.MeterIdentity;
import io.meterbridge.meter.Normalizer;
import io.meterbridge.meter.Reading;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramFormatException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one meter and decodes its telegrams; puts the reading and the headers naming the meter
 * into the message. Shared by the consumer and the producer. The bus is held only inside {@link BusMaster#readMeter}, never
 * while a route processes the result.
 */
final class MeterReader {

    private static final Logger LOG = LoggerFactory.getLogger(MeterReader.class);

    private final Clock clock;

    MeterReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads and decodes; a decoding failure names the address and the frame's byte offset. A
     * multi-telegram readout that fails after its first telegram(s) still yields a read of those
     * telegrams, marked incomplete: they were taken, and a reading is never thrown away.
     */
    MeterRead read(BusMaster master, MeterAddress address) throws MBusException, TelegramFormatException {
        List<LongFrame> frames;
        String incomplete = null;
        try {
            frames = master.readMeter(address);
        } catch (MBusException e) {
            if (e.partialTelegrams().isEmpty()) {
                throw e;
            }
            frames = e.partialTelegrams();
            incomplete = e.getMessage();
            LOG.warn("meter {}: readout incomplete, passing on the {} telegram(s) read: {}", address,
                    frames.size(), incomplete);
        }
        List<Telegram> telegrams = new ArrayList<>(frames.size());
        for (LongFrame f : frames) {
            telegrams.add(f.telegram()); // decoded once, when the bus master asked whether more follow
        }
        return new MeterRead(address, clock.instant(), frames, telegrams, incomplete);
    }

    /** Headers naming the address, before the read (so a failed exchange says which meter failed). */
    static void addressHeaders(Message m, MeterAddress address) {
        m.setHeader(MbusConstants.ADDRESS, address.toString());
        if (address instanceof MeterAddress.Primary p) {
            m.setHeader(MbusConstants.PRIMARY_ADDRESS, p.address());
        }
    }

    /**
     * Puts a read into the message: the normalised {@link Reading} as the body ({@code raw}: the
     * {@link MeterRead} itself), and headers naming the meter from the same identity the
     * reading carries, worked out once.
     */
    static void emit(Message m, MeterRead read, boolean raw, Normalizer normalizer) {
        MeterIdentity id;
        if (raw) {
            id = normalizer.identify(read.telegrams(), read.primaryAddress());
            m.setBody(read);
        } else {
            Reading reading = normalizer.normalize(read.telegrams(), read.primaryAddress(), read.readAt());
            id = reading.meter();
            m.setBody(reading);
        }
        if (id.secondaryAddress() != null) {
            m.setHeader(MbusConstants.SECONDARY_ADDRESS, id.secondaryAddress().toString());
        }
        m.setHeader(MbusConstants.MANUFACTURER, id.manufacturer());
        m.setHeader(MbusConstants.MODEL, id.model());
        m.setHeader(MbusConstants.MEDIUM, id.mediumName());
        m.setHeader(MbusConstants.METER_KEY, id.stableKey());
        m.setHeader(MbusConstants.READ_AT, read.readAt());
        m.setHeader(MbusConstants.COMPLETE, read.complete());
        Telegram first = read.telegrams().get(0);
        if (first.header() != null) {
            m.setHeader(MbusConstants.STATUS, first.header().status());
        }
    }
}
