package io.meterbridge.camel.mbus;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code mbus:} component. */
public final class MbusConstants {

    @Metadata(description = "The address the meter was read at, as configured: a primary address (\"1\") or a secondary address "
            + "(16 hex digits). On the producer, overrides the first address of the URI.", javaType = "String")
    public static final String ADDRESS = "MbusAddress";

    @Metadata(label = "consumer", description = "The primary address the meter was read at (absent for a secondary-address read).",
            javaType = "Integer")
    public static final String PRIMARY_ADDRESS = "MbusPrimaryAddress";

    @Metadata(label = "consumer", description = "The meter's secondary address from its telegram header: ID, manufacturer, version, "
            + "medium as 16 hex digits (IIIIIIIIMMMMVVDD).", javaType = "String")
    public static final String SECONDARY_ADDRESS = "MbusSecondaryAddress";

    @Metadata(label = "consumer", description = "The three-letter manufacturer code (EN 13757-3 / FLAG), e.g. KAM.", javaType = "String")
    public static final String MANUFACTURER = "MbusManufacturer";

    @Metadata(label = "consumer", description = "The model name if the meter's profile knows it (MULTICAL 403), otherwise a description.",
            javaType = "String")
    public static final String MODEL = "MbusModel";

    @Metadata(label = "consumer", description = "The medium's name (EN 13757-3 table), e.g. heat (outlet).", javaType = "String")
    public static final String MEDIUM = "MbusMedium";

    @Metadata(label = "consumer", description = "The status byte of the telegram header (EN 13757-3 clause 6.4.3; bits 1-0 application "
            + "errors, bit 2 power low, bit 3 permanent error, bit 4 temporary error).", javaType = "Integer")
    public static final String STATUS = "MbusStatus";

    @Metadata(label = "consumer", description = "A key that stays the same for the physical meter (kam_82937133): manufacturer and ID.",
            javaType = "String")
    public static final String METER_KEY = io.meterbridge.camel.reading.ReadingConstants.METER_KEY;

    @Metadata(label = "consumer", description = "When the read finished (java.time.Instant).", javaType = "java.time.Instant")
    public static final String READ_AT = "MbusReadAt";

    @Metadata(label = "consumer", description = "False when a multi-telegram readout failed after its first "
            + "telegram(s): the body then holds the telegrams read before the failure.", javaType = "Boolean")
    public static final String COMPLETE = "MbusComplete";

    private MbusConstants() {
    }
}
