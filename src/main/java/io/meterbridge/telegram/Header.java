package io.meterbridge.telegram;

/**
 * The data header of a variable-data response: the 12-byte long header of CI 0x72/0x76, or the
 * 4-byte short header of CI 0x7A (EN 13757-3 clause 6.2).
 *
 * @param address identification number, manufacturer, version and medium; {@code null} for a
 *     short header
 * @param accessNumber the access number, counted up per response
 * @param status the status byte (see {@link #applicationStatus()} and the bit accessors)
 * @param signature the signature / configuration word, LSB first on the wire (0 = no encryption)
 */
public record Header(SecondaryAddress address, int accessNumber, int status, int signature) {

    /** Status bits 1–0: what the application reports about itself. */
    public enum ApplicationStatus {
        /** 00. */
        NO_ERROR,
        /** 01. */
        BUSY,
        /** 10. */
        ERROR,
        /** 11: alarm / abnormal situation. */
        ALARM
    }

    private static final ApplicationStatus[] STATUSES = ApplicationStatus.values();

    /** Status bits 1–0. */
    public ApplicationStatus applicationStatus() {
        return STATUSES[status & 0x03];
    }

    /** Status bit 2: power low. */
    public boolean powerLow() {
        return (status & 0x04) != 0;
    }

    /** Status bit 3: permanent error. */
    public boolean permanentError() {
        return (status & 0x08) != 0;
    }

    /** Status bit 4: temporary error. */
    public boolean temporaryError() {
        return (status & 0x10) != 0;
    }

    /** Status bits 7–5: manufacturer specific, shifted down to 0–7. */
    public int manufacturerStatus() {
        return (status >> 5) & 0x07;
    }

}
