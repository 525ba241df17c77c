package io.meterbridge.camel.p1;

import org.apache.camel.spi.Metadata;

/** The headers the {@code p1:} consumer sets on every exchange (one exchange per good telegram). */
public final class P1Constants {

    /** The header prefix, as Camel's components use one per component. */
    public static final String P1 = "CamelP1";

    @Metadata(label = "consumer", description = "The meter's equipment identifier (0-0:96.1.1 and friends, hex ASCII"
            + " decoded), or, for a meter that sends none, its identification line.", javaType = "String")
    public static final String EQUIPMENT_ID = P1 + "EquipmentId";

    @Metadata(label = "consumer", description = "The P1 dialect detected from the telegram: DSMR_2_OR_3, DSMR_4,"
            + " DSMR_5, BELGIUM_E_MUCS, LUXEMBOURG_SMARTY, NORDIC_ESMR5, OTHER_WITH_CRC or OTHER_WITHOUT_CRC.",
            javaType = "io.meterbridge.p1.P1Version")
    public static final String VERSION = P1 + "Version";

    @Metadata(label = "consumer", description = "The P1 version the meter declares (1-3:0.2.8, e-MUCS 0-0:96.1.4),"
            + " e.g. 50; absent when the meter sends no version line (DSMR 2.2/3, Nordic meters).",
            javaType = "String")
    public static final String DECLARED_VERSION = P1 + "DeclaredVersion";

    @Metadata(label = "consumer", description = "When the meter produced the telegram (0-0:1.0.0), in the meter's"
            + " time zone (option timeZone); absent for meters that send no timestamp (DSMR 2.2/3).",
            javaType = "java.time.OffsetDateTime")
    public static final String TIMESTAMP = P1 + "Timestamp";

    @Metadata(label = "consumer", description = "The identification line as sent, e.g. /ISK5\\2M550T-1012.",
            javaType = "String")
    public static final String HEADER = P1 + "Header";

    @Metadata(label = "consumer", description = "The telegram's verified CRC-16; absent for versions without CRC.",
            javaType = "Integer")
    public static final String CRC = P1 + "Crc";

    @Metadata(label = "consumer", description = "The parsed telegram, with every OBIS line, known or not.",
            javaType = "io.meterbridge.p1.P1Telegram")
    public static final String TELEGRAM = P1 + "Telegram";

    @Metadata(label = "consumer", description = "The port the telegram came from, as configured.", javaType = "String")
    public static final String PORT = P1 + "Port";

    @Metadata(label = "consumer", description = "Byte offset of the telegram's '/' in the stream since the consumer"
            + " started (across reconnects).", javaType = "Long")
    public static final String STREAM_OFFSET = P1 + "StreamOffset";

    @Metadata(label = "consumer", description = "A key that stays the same for the physical meter"
            + " (isk_e0054007476941719): manufacturer and equipment identifier, as the mbus: consumer sets it.",
            javaType = "String")
    public static final String METER_KEY = io.meterbridge.camel.reading.ReadingConstants.METER_KEY;

    private P1Constants() {
    }
}
