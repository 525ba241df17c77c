package io.meterbridge.telegram;

/**
 * The value information tables of EN 13757-3: the primary VIF table (table 10), the main
 * extension table after VIF 0xFD (table 14) and the alternate extension table after VIF 0xFB
 * (table 12). Each code maps to a quantity, a description, the unit the value is given in and
 * the power of ten that turns the raw register into a value in that unit.
 *
 * <p>Units are Home Assistant's strings where HA has one ({@code kWh}, {@code m³}, {@code °C},
 * {@code L/h} …); the exponent of the VIF is folded into the nearest such unit (VIF 0x07,
 * 10 kWh, is {@code kWh} with exponent 1), so the value stays exact.
 */
final class VifTable {

    /** How the data of a record with this VIF are to be read as date/time, if at all. */
    enum DateKind {
        /** Not a point in time: a number. */
        NONE,
        /** VIF 0x6C: date, type G (2 bytes). */
        DATE,
        /** VIF 0x6D and friends: date and time, type F (4 bytes), I (6 bytes), J (3 bytes, time only). */
        DATE_TIME
    }

    /**
     * One table entry.
     *
     * @param quantity the quantity
     * @param description human-readable name, e.g. {@code "Energy"}
     * @param unit the unit the value is given in
     * @param exponent power of ten applied to the raw value to get the value in {@code unit}
     * @param signed whether binary integers are two's complement (type B) or unsigned (types C/D:
     *     identifiers, bit fields)
     * @param dateKind whether the data are a date/time
     */
    record Entry(Quantity quantity, String description, String unit, int exponent, boolean signed, DateKind dateKind) {
    }

    static final Entry[] PRIMARY = new Entry[128];
    static final Entry[] FD = new Entry[128];
    static final Entry[] FB = new Entry[128];

    private static final String[] DURATION_UNITS = {"s", "min", "h", "d"};

    static {
        // ---- primary table, EN 13757-3 table 10 ----
        for (int n = 0; n < 8; n++) {
            PRIMARY[0x00 + n] = scaled(Quantity.ENERGY, "Energy", n - 3, "Wh", "kWh", "MWh", "GWh");
            PRIMARY[0x08 + n] = scaled(Quantity.ENERGY, "Energy", n, "J", "kJ", "MJ", "GJ");
            PRIMARY[0x10 + n] = volume(Quantity.VOLUME, "Volume", n - 6, "m³", "L");
            PRIMARY[0x18 + n] = num(Quantity.MASS, "Mass", "kg", n - 3);
            PRIMARY[0x28 + n] = scaled(Quantity.POWER, "Power", n - 3, "W", "kW", "MW", "GW");
            PRIMARY[0x30 + n] = scaled(Quantity.POWER, "Power", n, "J/h", "kJ/h", "MJ/h", "GJ/h");
            PRIMARY[0x38 + n] = volume(Quantity.VOLUME_FLOW, "Volume flow", n - 6, "m³/h", "L/h");
            PRIMARY[0x40 + n] = volume(Quantity.VOLUME_FLOW, "Volume flow", n - 7, "m³/min", "L/min");
            PRIMARY[0x48 + n] = n - 9 >= -5 ? volume(Quantity.VOLUME_FLOW, "Volume flow", n - 9, "m³/s", "L/s")
                    : num(Quantity.VOLUME_FLOW, "Volume flow", "mL/s", n - 9 + 6);
            PRIMARY[0x50 + n] = num(Quantity.MASS_FLOW, "Mass flow", "kg/h", n - 3);
        }
        for (int n = 0; n < 4; n++) {
            PRIMARY[0x20 + n] = num(Quantity.ON_TIME, "On time", DURATION_UNITS[n], 0);
            PRIMARY[0x24 + n] = num(Quantity.OPERATING_TIME, "Operating time", DURATION_UNITS[n], 0);
            PRIMARY[0x58 + n] = num(Quantity.FLOW_TEMPERATURE, "Flow temperature", "°C", n - 3);
            PRIMARY[0x5C + n] = num(Quantity.RETURN_TEMPERATURE, "Return temperature", "°C", n - 3);
            PRIMARY[0x60 + n] = num(Quantity.TEMPERATURE_DIFFERENCE, "Temperature difference", "K", n - 3);
            PRIMARY[0x64 + n] = num(Quantity.EXTERNAL_TEMPERATURE, "External temperature", "°C", n - 3);
            PRIMARY[0x68 + n] = num(Quantity.PRESSURE, "Pressure", "bar", n - 3);
            PRIMARY[0x70 + n] = num(Quantity.AVERAGING_DURATION, "Averaging duration", DURATION_UNITS[n], 0);
            PRIMARY[0x74 + n] = num(Quantity.ACTUALITY_DURATION, "Actuality duration", DURATION_UNITS[n], 0);
        }
        PRIMARY[0x6C] = new Entry(Quantity.DATE, "Time point (date)", "", 0, false, DateKind.DATE);
        PRIMARY[0x6D] = new Entry(Quantity.DATE_TIME, "Time point (date and time)", "", 0, false, DateKind.DATE_TIME);
        PRIMARY[0x6E] = num(Quantity.HCA_UNITS, "Units for heat cost allocator", "", 0);
        PRIMARY[0x6F] = reserved("Reserved VIF 0x6F");
        PRIMARY[0x78] = id(Quantity.FABRICATION_NUMBER, "Fabrication number");
        PRIMARY[0x79] = id(Quantity.ENHANCED_IDENTIFICATION, "Enhanced identification");
        PRIMARY[0x7A] = id(Quantity.BUS_ADDRESS, "Bus address");
        // 0x7B/0x7D with the extension bit clear announce a table but bring none
        PRIMARY[0x7B] = reserved("Extension table 0xFB without its VIFE");
        PRIMARY[0x7D] = reserved("Extension table 0xFD without its VIFE");
        PRIMARY[0x7C] = num(Quantity.PLAIN_TEXT, "Plain text unit", "", 0);
        PRIMARY[0x7E] = num(Quantity.ANY, "Any VIF", "", 0);
        PRIMARY[0x7F] = new Entry(Quantity.MANUFACTURER_SPECIFIC, "Manufacturer specific", "", 0, false, DateKind.NONE);

        // ---- main extension table after 0xFD, EN 13757-3 table 14 ----
        for (int n = 0; n < 4; n++) {
            FD[0x00 + n] = num(Quantity.CREDIT, "Credit", "", n - 3);
            FD[0x04 + n] = num(Quantity.DEBIT, "Debit", "", n - 3);
            FD[0x24 + n] = num(Quantity.STORAGE_INTERVAL, "Storage interval", DURATION_UNITS[n], 0);
            FD[0x2C + n] = num(Quantity.DURATION_SINCE_LAST_READOUT, "Duration since last readout", DURATION_UNITS[n], 0);
            FD[0x34 + n] = num(Quantity.TARIFF_PERIOD, "Period of tariff", DURATION_UNITS[n], 0);
            FD[0x3C + n] = num(Quantity.PERIOD_OF_NOMINAL_DATA_TRANSFER, "Period of nominal data transfer",
                    DURATION_UNITS[n], 0);
        }
        FD[0x08] = id(Quantity.ACCESS_NUMBER, "Access number (transmission count)");
        FD[0x09] = id(Quantity.MEDIUM, "Medium (as in fixed header)");
        FD[0x0A] = id(Quantity.MANUFACTURER, "Manufacturer (as in fixed header)");
        FD[0x0B] = id(Quantity.PARAMETER_SET_IDENTIFICATION, "Parameter set identification");
        FD[0x0C] = id(Quantity.MODEL_VERSION, "Model / version");
        FD[0x0D] = id(Quantity.HARDWARE_VERSION, "Hardware version");
        FD[0x0E] = id(Quantity.FIRMWARE_VERSION, "Firmware version");
        FD[0x0F] = id(Quantity.SOFTWARE_VERSION, "Software version");
        FD[0x10] = id(Quantity.CUSTOMER_LOCATION, "Customer location");
        FD[0x11] = id(Quantity.CUSTOMER, "Customer");
        FD[0x12] = id(Quantity.ACCESS_CODE_USER, "Access code user");
        FD[0x13] = id(Quantity.ACCESS_CODE_OPERATOR, "Access code operator");
        FD[0x14] = id(Quantity.ACCESS_CODE_SYSTEM_OPERATOR, "Access code system operator");
        FD[0x15] = id(Quantity.ACCESS_CODE_DEVELOPER, "Access code developer");
        FD[0x16] = id(Quantity.PASSWORD, "Password");
        FD[0x17] = id(Quantity.ERROR_FLAGS, "Error flags (binary)");
        FD[0x18] = id(Quantity.ERROR_MASK, "Error mask");
        FD[0x19] = reserved("Reserved FD VIFE 0x19");
        FD[0x1A] = id(Quantity.DIGITAL_OUTPUT, "Digital output (binary)");
        FD[0x1B] = id(Quantity.DIGITAL_INPUT, "Digital input (binary)");
        FD[0x1C] = new Entry(Quantity.BAUD_RATE, "Baud rate", "Bd", 0, false, DateKind.NONE);
        FD[0x1D] = new Entry(Quantity.RESPONSE_DELAY_TIME, "Response delay time", "bit times", 0, false, DateKind.NONE);
        FD[0x1E] = id(Quantity.RETRY, "Retry");
        FD[0x1F] = id(Quantity.REMOTE_CONTROL, "Remote control (device specific)");
        FD[0x20] = id(Quantity.FIRST_STORAGE_NUMBER, "First storage number for cyclic storage");
        FD[0x21] = id(Quantity.LAST_STORAGE_NUMBER, "Last storage number for cyclic storage");
        FD[0x22] = id(Quantity.STORAGE_BLOCK_SIZE, "Size of storage block");
        FD[0x23] = id(Quantity.DESCRIPTOR_TARIFF_SUBUNIT, "Descriptor for tariff and subunit");
        FD[0x28] = num(Quantity.STORAGE_INTERVAL, "Storage interval", "m", 0);
        FD[0x29] = num(Quantity.STORAGE_INTERVAL, "Storage interval", "y", 0);
        FD[0x2A] = id(Quantity.SPECIAL_SUPPLIER_INFORMATION, "Operator specific data");
        FD[0x2B] = num(Quantity.TIME, "Time point (second)", "s", 0);
        FD[0x30] = new Entry(Quantity.TARIFF_START, "Start (date/time) of tariff", "", 0, false, DateKind.DATE_TIME);
        FD[0x31] = num(Quantity.TARIFF_DURATION, "Duration of tariff", "min", 0);
        FD[0x32] = num(Quantity.TARIFF_DURATION, "Duration of tariff", "h", 0);
        FD[0x33] = num(Quantity.TARIFF_DURATION, "Duration of tariff", "d", 0);
        FD[0x38] = num(Quantity.TARIFF_PERIOD, "Period of tariff", "m", 0);
        FD[0x39] = num(Quantity.TARIFF_PERIOD, "Period of tariff", "y", 0);
        FD[0x3A] = num(Quantity.DIMENSIONLESS, "Dimensionless", "", 0);
        FD[0x3B] = id(Quantity.WIRELESS_CONTAINER, "Data container for wireless M-Bus protocol");
        for (int n = 0; n < 16; n++) {
            FD[0x40 + n] = num(Quantity.VOLTAGE, "Voltage", "V", n - 9);
            FD[0x50 + n] = num(Quantity.CURRENT, "Current", "A", n - 12);
        }
        FD[0x60] = id(Quantity.RESET_COUNTER, "Reset counter");
        FD[0x61] = id(Quantity.CUMULATION_COUNTER, "Cumulation counter");
        FD[0x62] = id(Quantity.CONTROL_SIGNAL, "Control signal");
        FD[0x63] = id(Quantity.DAY_OF_WEEK, "Day of week");
        FD[0x64] = id(Quantity.WEEK_NUMBER, "Week number");
        FD[0x65] = id(Quantity.DAY_CHANGE_TIME, "Time point of day change");
        FD[0x66] = id(Quantity.PARAMETER_ACTIVATION_STATE, "State of parameter activation");
        FD[0x67] = id(Quantity.SPECIAL_SUPPLIER_INFORMATION, "Special supplier information");
        String[] longUnits = {"h", "d", "m", "y"};
        for (int n = 0; n < 4; n++) {
            FD[0x68 + n] = num(Quantity.DURATION_SINCE_LAST_CUMULATION, "Duration since last cumulation", longUnits[n], 0);
            FD[0x6C + n] = num(Quantity.BATTERY_OPERATING_TIME, "Operating time battery", longUnits[n], 0);
        }
        FD[0x70] = new Entry(Quantity.BATTERY_CHANGE_DATE, "Date and time of battery change", "", 0, false,
                DateKind.DATE_TIME);
        FD[0x71] = num(Quantity.RF_LEVEL, "RF level", "dBm", 0);
        FD[0x72] = id(Quantity.DAYLIGHT_SAVING, "Daylight saving (beginning, ending, deviation)");
        FD[0x73] = id(Quantity.LISTENING_WINDOW, "Listening window management");
        FD[0x74] = num(Quantity.REMAINING_BATTERY_LIFE, "Remaining battery life time", "d", 0);
        FD[0x75] = id(Quantity.METER_STOPPED_COUNT, "Number of times the meter was stopped");
        FD[0x76] = id(Quantity.MANUFACTURER_DATA_CONTAINER, "Data container for manufacturer specific protocol");
        fillReserved(FD, "FD");

        // ---- alternate extension table after 0xFB, EN 13757-3 table 12 ----
        for (int n = 0; n < 2; n++) {
            FB[0x00 + n] = num(Quantity.ENERGY, "Energy", "MWh", n - 1);
            FB[0x02 + n] = num(Quantity.REACTIVE_ENERGY, "Reactive energy", "kvarh", n);
            FB[0x04 + n] = num(Quantity.APPARENT_ENERGY, "Apparent energy", "kVAh", n);
            FB[0x08 + n] = num(Quantity.ENERGY, "Energy", "GJ", n - 1);
            FB[0x10 + n] = num(Quantity.VOLUME, "Volume", "m³", n + 2);
            FB[0x18 + n] = num(Quantity.MASS, "Mass", "kg", n + 5);
            FB[0x1A + n] = num(Quantity.RELATIVE_HUMIDITY, "Relative humidity", "%", n - 1);
            FB[0x28 + n] = num(Quantity.POWER, "Power", "MW", n - 1);
            FB[0x30 + n] = num(Quantity.POWER, "Power", "GJ/h", n - 1);
        }
        for (int n = 0; n < 4; n++) {
            FB[0x0C + n] = num(Quantity.ENERGY, "Energy", "Mcal", n - 1);
            FB[0x14 + n] = num(Quantity.REACTIVE_POWER, "Reactive power", "kvar", n - 3);
            FB[0x2C + n] = num(Quantity.FREQUENCY, "Frequency", "Hz", n - 3);
            FB[0x34 + n] = num(Quantity.APPARENT_POWER, "Apparent power", "kVA", n - 3);
            FB[0x58 + n] = num(Quantity.FLOW_TEMPERATURE, "Flow temperature", "°F", n - 3);
            FB[0x5C + n] = num(Quantity.RETURN_TEMPERATURE, "Return temperature", "°F", n - 3);
            FB[0x60 + n] = num(Quantity.TEMPERATURE_DIFFERENCE, "Temperature difference", "°F", n - 3);
            FB[0x64 + n] = num(Quantity.EXTERNAL_TEMPERATURE, "External temperature", "°F", n - 3);
            FB[0x70 + n] = num(Quantity.COLD_WARM_TEMPERATURE_LIMIT, "Cold / warm temperature limit", "°F", n - 3);
            FB[0x74 + n] = num(Quantity.COLD_WARM_TEMPERATURE_LIMIT, "Cold / warm temperature limit", "°C", n - 3);
        }
        FB[0x20] = num(Quantity.VOLUME, "Volume", "ft³", 0);
        FB[0x21] = num(Quantity.VOLUME, "Volume", "ft³", -1);
        FB[0x22] = num(Quantity.VOLUME, "Volume", "gal", -1);
        FB[0x23] = num(Quantity.VOLUME, "Volume", "gal", 0);
        FB[0x24] = num(Quantity.VOLUME_FLOW, "Volume flow", "gal/min", -3);
        FB[0x25] = num(Quantity.VOLUME_FLOW, "Volume flow", "gal/min", 0);
        FB[0x26] = num(Quantity.VOLUME_FLOW, "Volume flow", "gal/h", 0);
        FB[0x2A] = num(Quantity.PHASE_DIFFERENCE, "Phase U-U (volt. to volt.)", "°", -1);
        FB[0x2B] = num(Quantity.PHASE_DIFFERENCE, "Phase U-I (volt. to current)", "°", -1);
        for (int n = 0; n < 8; n++) {
            // E111 1nnn: cumulative count of max power, 10^(nnn-3) W (libmbus has 1e-3 for 0x79: wrong)
            FB[0x78 + n] = scaled(Quantity.CUMULATIVE_MAXIMUM_POWER, "Cumulative count of maximum power", n - 3,
                    "W", "kW", "MW", "GW");
        }
        fillReserved(FB, "FB");
        for (int i = 0; i < 128; i++) {
            if (PRIMARY[i] == null) {
                throw new AssertionError("primary VIF table has a gap at 0x" + Integer.toHexString(i));
            }
        }
    }

    private VifTable() {
    }

    private static Entry num(Quantity q, String description, String unit, int exponent) {
        return new Entry(q, description, unit, exponent, true, DateKind.NONE);
    }

    /** Identifiers, counters and bit fields: unsigned binary (types C and D). */
    private static Entry id(Quantity q, String description) {
        return new Entry(q, description, "", 0, false, DateKind.NONE);
    }

    private static Entry reserved(String description) {
        return new Entry(Quantity.RESERVED, description, "", 0, true, DateKind.NONE);
    }

    private static void fillReserved(Entry[] table, String name) {
        for (int i = 0; i < table.length; i++) {
            if (table[i] == null) {
                table[i] = reserved(String.format("Reserved %s VIFE 0x%02X", name, i));
            }
        }
    }

    /** Picks the SI prefix 1, k, M, G whose power of ten is the largest not above {@code exp}. */
    private static Entry scaled(Quantity q, String description, int exp, String... units) {
        int step = exp >= 9 ? 3 : exp >= 6 ? 2 : exp >= 3 ? 1 : 0;
        return num(q, description, units[step], exp - 3 * step);
    }

    /** m³ (or m³ per time) from 0.01 upwards, litres below. */
    private static Entry volume(Quantity q, String description, int exp, String cubicMetre, String litre) {
        return exp >= -2 ? num(q, description, cubicMetre, exp) : num(q, description, litre, exp + 3);
    }
}
