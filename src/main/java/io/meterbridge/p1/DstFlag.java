package io.meterbridge.p1;

/** The last character of a P1 timestamp: whether the meter's local time was daylight-saving time. */
public enum DstFlag {
    /** {@code S}: summer (daylight-saving) time. */
    SUMMER,
    /** {@code W}: winter (standard) time. */
    WINTER,
    /** DSMR 2.2/3 timestamps carry no flag. */
    NONE
}
