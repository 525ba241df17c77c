package io.meterbridge.telegram;

/**
 * A CI 0x70 application error reply (EN 13757-3 clause 7 / table "application errors"): the
 * meter understood the request but cannot answer it. Not a decoding failure.
 *
 * @param code the error code byte; 0 (unspecified) when the meter sent none
 * @param text the meaning of the code, e.g. {@code "application busy"}
 */
public record ApplicationError(int code, String text) {

    /** The error for a code byte, with its meaning (codes libmbus and the standard name). */
    public static ApplicationError of(int code) {
        String text = switch (code) {
            case 0x00 -> "unspecified error";
            case 0x01 -> "unimplemented CI field";
            case 0x02 -> "buffer too long, truncated";
            case 0x03 -> "too many records";
            case 0x04 -> "premature end of record";
            case 0x05 -> "more than 10 DIFEs";
            case 0x06 -> "more than 10 VIFEs";
            case 0x07 -> "reserved";
            case 0x08 -> "application busy";
            case 0x09 -> "too many readouts (for slaves with limited readouts per time)";
            default -> "reserved error code";
        };
        return new ApplicationError(code, text);
    }
}
