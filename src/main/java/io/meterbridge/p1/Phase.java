package io.meterbridge.p1;

/** A phase of the supply; its OBIS C groups are 20s, 40s and 60s (IEC 62056-61). */
public enum Phase {
    L1(20), L2(40), L3(60);

    private final int base;

    Phase(int base) {
        this.base = base;
    }

    /** 20, 40 or 60: add 12 for voltage, 11 for current, 1/2 for active power import/export. */
    int base() {
        return base;
    }
}
