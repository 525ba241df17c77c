package io.meterbridge.camel.mbus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.meterbridge.link.LongFrame;
import io.meterbridge.link.MeterAddress;
import io.meterbridge.telegram.Telegram;

/**
 * The body of an {@code mbus:} exchange: one meter read — the address it was read at, when, the
 * RSP_UD long frames as received and their decoded telegrams (same order). The {@code normalize}
 * processor turns it into a {@link io.meterbridge.meter.Reading}.
 *
 * @param address  the address the meter was read at
 * @param readAt   when the read finished (this service's clock)
 * @param frames   the long frames of the readout, first first (several for a multi-telegram readout)
 * @param telegrams the decoded telegrams, one per frame
 * @param incomplete null for a complete readout; for a multi-telegram readout that failed part-way,
 *     why (the telegrams read before the failure are kept rather than lost)
 */
public record MeterRead(MeterAddress address, Instant readAt, List<LongFrame> frames, List<Telegram> telegrams,
        String incomplete) {

    public MeterRead {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(readAt, "readAt");
        frames = List.copyOf(frames);
        telegrams = List.copyOf(telegrams);
        if (frames.isEmpty() || frames.size() != telegrams.size()) {
            throw new IllegalArgumentException("a meter read needs one telegram per frame and at least one, found "
                    + frames.size() + " frames and " + telegrams.size() + " telegrams");
        }
    }

    /** True unless the readout failed after its first telegram(s). */
    public boolean complete() {
        return incomplete == null;
    }

    /** The primary address it was read at, or null for a secondary-address read. */
    public Integer primaryAddress() {
        return address instanceof MeterAddress.Primary p ? p.address() : null;
    }
}
