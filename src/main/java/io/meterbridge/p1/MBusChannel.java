package io.meterbridge.p1;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One M-Bus channel {@code 0-n} of the telegram.
 *
 * @param channel       1..4
 * @param deviceType    EN 13757-3 medium code from {@code 0-n:24.1.0}: 3 gas, 4 heat, 7 water, …
 * @param equipmentId   {@code 0-n:96.1.0} (or e-MUCS {@code 0-n:96.1.1}), decoded from hex ASCII when it is
 * @param readings      every value line of the channel, in telegram order
 * @param valvePosition {@code 0-n:24.4.0} when present
 */
public record MBusChannel(int channel, OptionalInt deviceType, Optional<String> equipmentId,
                          List<MBusReading> readings, Optional<String> valvePosition) {

    /** EN 13757-3 medium code of gas meters. */
    public static final int GAS = 0x03;
    /** EN 13757-3 medium code of heat meters (outlet). */
    public static final int HEAT = 0x04;
    /** EN 13757-3 medium code of warm water meters. */
    public static final int WARM_WATER = 0x06;
    /** EN 13757-3 medium code of water meters. */
    public static final int WATER = 0x07;

    public MBusChannel {
        readings = List.copyOf(readings);
    }

    /**
     * The main reading: the temperature-corrected {@code 24.2.1} if present, else the e-MUCS
     * uncorrected {@code 24.2.3}, else the DSMR 2.2/3 {@code 24.3.0} value.
     */
    public Optional<MBusReading> reading() {
        for (int e : new int[] {1, 3}) {
            for (MBusReading r : readings) {
                if (r.source().c() == 24 && r.source().d() == 2 && r.source().e() == e) {
                    return Optional.of(r);
                }
            }
        }
        return readings.stream().filter(r -> r.source().d() == 3).findFirst();
    }
}
