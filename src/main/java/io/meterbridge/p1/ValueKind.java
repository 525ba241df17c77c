package io.meterbridge.p1;

/** How the value groups of a catalogued OBIS line are to be read. */
public enum ValueKind {
    /** One number, with or without unit: {@code (001581.123*kWh)}, {@code (00015)}. */
    NUMBER,
    /** A whole number, e.g. event counters {@code (00015)} and M-Bus device types {@code (003)}. */
    COUNT,
    /** Free text or a code: {@code (0002)}, {@code (50)}. */
    TEXT,
    /** Text encoded as hexadecimal ASCII (DSMR "Sn" octet strings): {@code (4B3845…)}. */
    OCTET_STRING,
    /** One timestamp {@code YYMMDDhhmmssX}. */
    TIMESTAMP,
    /** A timestamp and a number: M-Bus values {@code (161129200000W)(00981.443*m3)}, monthly peak. */
    TIMESTAMPED_NUMBER,
    /**
     * The DSMR 2.2/3 gas profile {@code (ts)(status)(period)(count)(obis)(unit)} with the value on
     * the following line {@code (00001.001)}.
     */
    LEGACY_GAS,
    /** The long power failure event log: {@code (n)(0-0:96.7.19)} then n pairs {@code (end)(duration*s)}. */
    EVENT_LOG,
    /** Belgian e-MUCS 13-month peak history: {@code (n)(1-0:1.6.0)(1-0:1.6.0)} then n triples. */
    PEAK_HISTORY,
    /** Kept as the groups were written; no typed reading. */
    RAW
}
