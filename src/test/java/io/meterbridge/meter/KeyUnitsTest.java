package io.meterbridge.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A flat reading key's unit and quantity, read off its suffix (or the unit written beside it). */
class KeyUnitsTest {

    @Test
    void theSuffixIsTheUnitAndTheRestTheQuantity() {
        Map<String, Object> reading = Map.of("heat_energy", 13, "heat_energy_unit", "kWh", "mbus1_value", 987.657,
                "mbus1_unit", "m3");
        assertEquals("kWh", KeyUnits.of("heat_energy_kwh", reading));
        assertEquals("heat_energy", KeyUnits.quantity("heat_energy_kwh"));
        assertEquals("m³/h", KeyUnits.of("volume_flow_m3h", reading));
        assertEquals("volume_flow", KeyUnits.quantity("volume_flow_m3h"), "m3h before m3");
        assertEquals("gas_calorific_value", KeyUnits.quantity("gas_calorific_value_mj_m3"));
        assertEquals("h", KeyUnits.of("operating_hours", reading));
        assertEquals("operating_hours", KeyUnits.quantity("operating_hours"), "hours is the quantity's own word");
        assertEquals("kWh", KeyUnits.of("heat_energy", reading), "the unit written beside the value");
        assertEquals("m3", KeyUnits.of("mbus1_value", reading));
        assertNull(KeyUnits.of("tariff", reading));
        assertEquals("tariff", KeyUnits.quantity("tariff"));
    }
}
