package io.meterbridge.meter;

import java.math.BigDecimal;

/** Units of energy a meter may count in, with their size in joules (1 Wh = 3600 J exactly). */
public enum EnergyUnit {
    WH("Wh", new BigDecimal("3600")),
    KWH("kWh", new BigDecimal("3.6E6")),
    MWH("MWh", new BigDecimal("3.6E9")),
    J("J", BigDecimal.ONE),
    KJ("kJ", new BigDecimal("1E3")),
    MJ("MJ", new BigDecimal("1E6")),
    GJ("GJ", new BigDecimal("1E9"));

    private final String symbol;
    private final BigDecimal joules;

    EnergyUnit(String symbol, BigDecimal joules) {
        this.symbol = symbol;
        this.joules = joules;
    }

    /** The symbol as Home Assistant and people write it: {@code kWh}, {@code GJ}. */
    public String symbol() {
        return symbol;
    }

    /** The size of one of this unit in joules. */
    public BigDecimal joules() {
        return joules;
    }
}
