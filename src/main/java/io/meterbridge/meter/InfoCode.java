package io.meterbridge.meter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A meter's info code (Kamstrup) or error flags (EN 13757-3 VIF FD 17) with its alarm bits
 * decoded. The raw value is read unsigned, as a bit field (EN 13757-3 type D; libmbus and jMBus read it signed).
 *
 * @param value the code, unsigned
 * @param scheme how the bits were decoded: {@code "kamstrup"} or {@code "error_flags"} (meaning
 *     device-specific; bits reported by number)
 * @param alarms one entry per set bit, lowest first
 */
public record InfoCode(long value, String scheme, List<Alarm> alarms) {

    public InfoCode {
        if (value < 0) {
            throw new IllegalArgumentException("info code is unsigned, found " + value);
        }
        Objects.requireNonNull(scheme, "scheme");
        alarms = List.copyOf(alarms);
    }

    /** Decodes a Kamstrup MULTICAL info code. */
    public static InfoCode kamstrup(long value) {
        List<Alarm> alarms = new ArrayList<>();
        for (long rest = value; rest != 0; rest &= rest - 1) {
            long bit = Long.lowestOneBit(rest);
            KamstrupInfoBit known = KamstrupInfoBit.of(bit);
            alarms.add(known != null ? known.alarm() : unknown(bit));
        }
        return new InfoCode(value, "kamstrup", alarms);
    }

    /** Generic EN 13757-3 error flags: every set bit is an alarm whose meaning the device defines. */
    public static InfoCode errorFlags(long value) {
        List<Alarm> alarms = new ArrayList<>();
        for (long rest = value; rest != 0; rest &= rest - 1) {
            alarms.add(unknown(Long.lowestOneBit(rest)));
        }
        return new InfoCode(value, "error_flags", alarms);
    }

    private static Alarm unknown(long bit) {
        int n = Long.numberOfTrailingZeros(bit);
        return new Alarm(bit, "bit_" + n, "Error flag bit " + n + " (meaning defined by the device)");
    }

    /** True if any alarm bit is set: what Home Assistant's {@code problem} binary sensor shows. */
    public boolean problem() {
        return value != 0;
    }

    /** The alarms' texts joined by {@code "; "}, or {@code "OK"} when there is none. */
    public String text() {
        return alarms.isEmpty() ? "OK" : alarms.stream().map(Alarm::text).collect(Collectors.joining("; "));
    }

    /** The alarms' keys joined by {@code ","}, empty when there is none. */
    public String keys() {
        return alarms.stream().map(Alarm::key).collect(Collectors.joining(","));
    }
}
