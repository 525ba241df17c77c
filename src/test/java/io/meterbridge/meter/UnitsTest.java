package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitsTest {

    static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", found " + actual);
    }

    @Test
    void energyIsShownInKwhOrGjOrMwh() {
        assertEquals(new Energy(new BigDecimal("1.234"), EnergyUnit.KWH).value(),
                Units.energy(new BigDecimal("1234"), "Wh").value());
        assertEquals(EnergyUnit.KWH, Units.energy(new BigDecimal("1234"), "Wh").unit());
        assertEquals(EnergyUnit.GJ, Units.energy(new BigDecimal("12345"), "MJ").unit());
        eq("12.345", Units.energy(new BigDecimal("12345"), "MJ").value());
        assertEquals(EnergyUnit.MWH, Units.energy(new BigDecimal("3"), "MWh").unit());
        assertNull(Units.energy(new BigDecimal("3"), "kcal"));
        assertNull(Units.energy(null, "kWh"));
    }

    @Test
    void powerFlowVolumeTemperatureAndTimeConvertToTheReadingsUnits() {
        eq("1.4", Units.kilowatts(new BigDecimal("1400"), "W"));
        eq("1", Units.kilowatts(new BigDecimal("3.6"), "MJ/h"));
        eq("277.777778", Units.kilowatts(BigDecimal.ONE, "GJ/h"));
        eq("0.0007070391", Units.cubicMetresPerHour(new BigDecimal("0.7070391"), "L/h"));
        eq("60", Units.cubicMetresPerHour(BigDecimal.ONE, "m³/min"));
        eq("3600", Units.cubicMetresPerHour(BigDecimal.ONE, "m³/s"));
        eq("6162.878", Units.volumeM3(new BigDecimal("6162878"), "L"));
        eq("100", Units.celsius(new BigDecimal("212"), "°F"));
        eq("5", Units.kelvinDifference(new BigDecimal("9"), "°F"));
        eq("4270", Units.hours(new BigDecimal("15372000"), "s"));
        eq("43489.183333", Units.hours(new BigDecimal("2609351"), "min"));
        eq("48", Units.hours(new BigDecimal("2"), "d"));
        assertNull(Units.hours(BigDecimal.ONE, "fortnight"));
        assertNull(Units.volumeM3(BigDecimal.ONE, "gal"));
    }
}
