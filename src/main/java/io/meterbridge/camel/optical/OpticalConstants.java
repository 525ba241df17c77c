package io.meterbridge.camel.optical;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code optical:} component. */
public final class OpticalConstants {

    @Metadata(label = "consumer", description = "A key that stays the same for the physical meter (kam_82937133): manufacturer "
            + "and ID, the same as the meter's key when it is read over M-Bus.", javaType = "String")
    public static final String METER_KEY = io.meterbridge.camel.reading.ReadingConstants.METER_KEY;

    @Metadata(label = "consumer", description = "The three-letter manufacturer code, e.g. KAM or LUG.", javaType = "String")
    public static final String MANUFACTURER = "OpticalManufacturer";

    @Metadata(label = "consumer", description = "The model name (MULTICAL 403, ULTRAHEAT UH50), or a description.", javaType = "String")
    public static final String MODEL = "OpticalModel";

    @Metadata(label = "consumer", description = "The protocol the meter was read with: KMP or IEC62056.", javaType = "String")
    public static final String PROTOCOL = "OpticalProtocol";

    @Metadata(label = "consumer", description = "The IR head's port, as configured.", javaType = "String")
    public static final String PORT = "OpticalPort";

    @Metadata(label = "consumer", description = "When the read finished (java.time.Instant).", javaType = "java.time.Instant")
    public static final String READ_AT = "OpticalReadAt";

    private OpticalConstants() {
    }
}
