package io.meterbridge.kmp;

/**
 * Which way a frame travels, told by its start byte: {@code 80} to the meter, {@code 40} from it
 * (Kamstrup protocol description 3.1 as quoted by PyKMP {@code constants.ByteCode}; every
 * implementation consulted, ESPHome {@code kamstrup_kmp}, bsdphk/PyKamstrup, MeterLogger, writes
 * requests with {@code 80} and reads responses from {@code 40}).
 */
public enum KmpDirection {
    /** A request from the reading device (the "master") to the meter. */
    TO_METER(0x80, "a request to the meter"),
    /** A response from the meter. */
    FROM_METER(0x40, "a response from the meter");

    private final int startByte;
    private final String description;

    KmpDirection(int startByte, String description) {
        this.startByte = startByte;
        this.description = description;
    }

    /** {@code 0x80} or {@code 0x40}. */
    public int startByte() {
        return startByte;
    }

    /** The other direction: a receiver of responses meets requests only as the echo of its own. */
    public KmpDirection opposite() {
        return this == TO_METER ? FROM_METER : TO_METER;
    }

    /** The direction a start byte announces, or {@code null} for any other byte. */
    static KmpDirection ofStartByte(int b) {
        if (b == 0x80) {
            return TO_METER;
        }
        return b == 0x40 ? FROM_METER : null;
    }

    /** "a response from the meter", for messages. */
    String description() {
        return description;
    }
}
