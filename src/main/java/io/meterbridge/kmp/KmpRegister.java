package io.meterbridge.kmp;

import java.util.Locale;
import java.util.Optional;

/**
 * The registers of a MULTICAL heat meter that people read, by id. A GetRegister request names
 * registers by 16-bit id; the meter answers each with its unit and value, and leaves out the ones
 * it does not have.
 *
 * <p>Every id here is in at least two independent published lists; each constant names its
 * sources, abbreviated:
 * <ul>
 *   <li><b>PyKMP</b>: gertvdijk/PyKMP {@code src/pykmp/constants.py REGISTERS} (decimal ids);</li>
 *   <li><b>ESPHome</b>: esphome/esphome {@code components/kamstrup_kmp/kamstrup_kmp.h CMD_*};</li>
 *   <li><b>PyKamstrup</b>: bsdphk/PyKamstrup {@code kamstrup.py}, its tables {@code kamstrup_603_var},
 *       {@code kamstrup_multical402_var} and {@code kamstrup_MC403_var};</li>
 *   <li><b>402-mqtt</b>: matthijsvisser/kamstrup-402-mqtt {@code kamstrup_meter.py kamstrup_402_params};</li>
 *   <li><b>MeterLogger</b>: nabovarme/MeterLogger {@code user/kamstrup/kmp.c}, the register table in
 *       its header comment (decimal ids, Kamstrup's own descriptions);</li>
 *   <li><b>MC302 list</b>: a MULTICAL 302 register list from Kamstrup's documentation (decimal ids,
 *       Danish descriptions) posted in bsdphk/PyKamstrup issue 4.</li>
 * </ul>
 * Real answers to 0x003C, 0x0044, 0x0050, 0x0056, 0x0057, 0x0059 and 0x004A, with the values the
 * meter showed, are in gemu2015/Sonoff-Tasmota issue 38.
 *
 * <p>Two ids in the brief this table was built from were wrong, and the sources settle both: the
 * error hour counter is 0x00AF (175), not 0x0063, which is the info code; the target date is
 * 0x0062 (98), not 0x00EA, which is "l/imp for VA" (PyKMP 234; MeterLogger "Liter/imp value for
 * input A"). The info bits are 0x0171 (= 369 decimal), not 0x0369.
 *
 * <p>The {@linkplain #name() names} are what a route option may use instead of the decimal id
 * ({@link KmpRegisterList}).
 */
public enum KmpRegister {
    /**
     * Heat energy E1, 0x003C = 60. PyKMP "Heat Energy (E1)", ESPHome CMD_HEAT_ENERGY, PyKamstrup, 402-mqtt
     * "energy", MeterLogger, MC302 list.
     */
    E1(0x003C, "heat energy E1"),
    /**
     * Energy E2, 0x005E = 94. PyKMP "Heat Energy E2"; MeterLogger "Energy register 2: Control energy":
     * the sources agree on the id and differ on the name.
     */
    E2(0x005E, "energy E2"),
    /** Cooling energy E3, 0x003F = 63. PyKMP "Cooling Energy E3", PyKamstrup (603), MeterLogger, MC302 list. */
    E3(0x003F, "cooling energy E3"),
    /** Inlet (flow) energy E4, 0x003D = 61. PyKMP "Inlet Energy E4", MeterLogger "Energy register 4: Flow energy". */
    E4(0x003D, "inlet energy E4"),
    /**
     * Outlet (return) energy E5, 0x003E = 62. PyKMP "Outlet Energy E5", MeterLogger "Energy register 5: Return
     * flow energy".
     */
    E5(0x003E, "outlet energy E5"),
    /**
     * E8 = V1 · T1 in m³·°C, 0x0061 = 97. PyKMP "Temp1xm3 E8", 402-mqtt "temp1xm3", MeterLogger "[m3 • T1]", MC302
     * list.
     */
    E8(0x0061, "E8 (m³·T1)"),
    /**
     * E9 = volume · T2 in m³·°C, 0x006E = 110. PyKMP "Temp2xm3 E9" (its comment says V2 · t2), 402-mqtt "temp2xm3",
     * MeterLogger "[m3 • T2]", MC302 list.
     */
    E9(0x006E, "E9 (m³·T2)"),
    /** Volume V1, 0x0044 = 68. PyKMP, ESPHome CMD_VOLUME, PyKamstrup, 402-mqtt "volume", MeterLogger, MC302 list. */
    V1(0x0044, "volume V1"),
    /** Volume V2, 0x0045 = 69. PyKMP "Volume V2", MeterLogger "Volume register V2". */
    V2(0x0045, "volume V2"),
    /** Mass M1, 0x0048 = 72. PyKMP "Mass M1", MeterLogger "Mass register". */
    M1(0x0048, "mass M1"),
    /** Mass M2, 0x0049 = 73. PyKMP "Mass M2", MeterLogger "Mass register V2". */
    M2(0x0049, "mass M2"),
    /**
     * Flow temperature T1, 0x0056 = 86. PyKMP "Temp1", ESPHome CMD_TEMP1, PyKamstrup "Inlet temperature t1",
     * 402-mqtt, MeterLogger, MC302 list.
     */
    T1(0x0056, "flow temperature T1"),
    /**
     * Return temperature T2, 0x0057 = 87. PyKMP "Temp2", ESPHome CMD_TEMP2, PyKamstrup "Outlet temperature t2",
     * 402-mqtt, MeterLogger, MC302 list.
     */
    T2(0x0057, "return temperature T2"),
    /**
     * Temperature T3, 0x0058 = 88. PyKMP "Temp3", PyKamstrup (402, MC601) "T3", MeterLogger "Current temperature
     * T3".
     */
    T3(0x0058, "temperature T3"),
    /** Temperature T4, 0x007A = 122. PyKMP "Temp4", PyKamstrup (402) "T4Temp", MeterLogger "Current temperature T4". */
    T4(0x007A, "temperature T4"),
    /**
     * Temperature difference T1 − T2, 0x0059 = 89. PyKMP "Tempdiff", ESPHome CMD_TEMP_DIFF, PyKamstrup, 402-mqtt,
     * MeterLogger, MC302 list.
     */
    T1_T2(0x0059, "temperature difference T1−T2"),
    /**
     * Power, 0x0050 = 80. PyKMP "Current Power", ESPHome CMD_POWER, PyKamstrup "Actual power", 402-mqtt,
     * MeterLogger (from V1, T1, T2), MC302 list.
     */
    POWER(0x0050, "power"),
    /**
     * Flow V1, 0x004A = 74. PyKMP "Flow V1", ESPHome CMD_FLOW, PyKamstrup "Actual flow", 402-mqtt "flow",
     * MeterLogger, MC302 list.
     */
    FLOW1(0x004A, "flow V1"),
    /**
     * Flow V2, 0x004B = 75. PyKMP "Flow V2", PyKamstrup (402) "ReturnFlow", MeterLogger "Current flow in return
     * flow".
     */
    FLOW2(0x004B, "flow V2"),
    /**
     * Pressure P1, 0x005B = 91. PyKMP "Pressure P1", PyKamstrup (402) "FlowPressure", MeterLogger "Pressure in
     * flow".
     */
    P1(0x005B, "pressure P1"),
    /**
     * Pressure P2, 0x005C = 92. PyKMP "Pressure P2", PyKamstrup (402) "ReturnFlowPressure", MeterLogger "Pressure
     * in return flow".
     */
    P2(0x005C, "pressure P2"),
    /**
     * Operating hour counter, 0x03EC = 1004. PyKMP "HourCounter", PyKamstrup "Operating hour counter", 402-mqtt
     * "hourcounter", MeterLogger, MC302 list.
     */
    HOURS(0x03EC, "operating hours"),
    /** Error hour counter, 0x00AF = 175. PyKMP "Error hour counter", PyKamstrup (603), MeterLogger. */
    ERROR_HOURS(0x00AF, "error hours"),
    /**
     * Current info code, 0x0063 = 99. PyKMP "InfoCode", PyKamstrup (603) "Info codes", MeterLogger "Infocode
     * register, current", MC302 list.
     */
    INFO(0x0063, "info code"),
    /**
     * Info bits, 0x0171 = 369. PyKMP "Info bits"; PyKamstrup (603) lists it as a second "Info codes"
     * beside 0x0063. Its bit layout is meter specific and not decoded here.
     */
    INFO_BITS(0x0171, "info bits"),
    /**
     * Info event counter, 0x0071 = 113. PyKMP "Infoevent", 402-mqtt "infoevent", MeterLogger "Info-event counter",
     * MC302 list.
     */
    INFO_EVENTS(0x0071, "info event counter"),
    /**
     * The meter's clock time, hhmmss, 0x03EA = 1002. PyKMP "Time", MeterLogger "Current time (hhmmss)", MC302 list
     * "Clock".
     */
    TIME(0x03EA, "meter time"),
    /** The meter's date, yymmdd, 0x03EB = 1003. PyKMP "Date", MeterLogger "Current date (YYMMDD)", MC302 list. */
    DATE(0x03EB, "meter date"),
    /**
     * Target (reading) date, 0x0062 = 98. PyKMP "Target Date", MeterLogger "Target date (reading date)", MC302
     * list "LogDaySetUp".
     */
    TARGET_DATE(0x0062, "target date"),
    /**
     * Serial number, 0x03E9 = 1001. PyKMP "Fabrication No", PyKamstrup (603) "Serial number", MeterLogger "Serial
     * no.".
     */
    SERIAL_NO(0x03E9, "serial number"),
    /** Meter type, 0x0194 = 404. PyKMP "Meter Type", PyKamstrup (603) "Meter type". */
    METER_TYPE(0x0194, "meter type"),
    /** Software edition, 0x03ED = 1005. PyKMP "Software edition", MeterLogger "Software edition". */
    SOFTWARE_EDITION(0x03ED, "software edition");

    private final int id;
    private final String description;

    KmpRegister(int id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The 16-bit register id. */
    public int id() {
        return id;
    }

    /** What it holds, in words ("flow temperature T1"). */
    public String description() {
        return description;
    }

    /** The register with this id, empty for one not in this table. */
    public static Optional<KmpRegister> byId(int id) {
        for (KmpRegister r : values()) {
            if (r.id == id) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The register of this name, any case ({@code "e1"}, {@code "T1_T2"}), empty for none. */
    public static Optional<KmpRegister> byName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (KmpRegister r : values()) {
            if (r.name().equals(upper)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** {@code "E1 (0x003C)"}. */
    public String label() {
        return name() + " (" + String.format("0x%04X", id) + ")";
    }
}
