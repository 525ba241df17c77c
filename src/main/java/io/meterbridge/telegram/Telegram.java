package io.meterbridge.telegram;

import java.util.List;

/**
 * A decoded application layer (EN 13757-3): what the CI field says the user data are, and their
 * content. Which components are set depends on {@link #kind()}:
 * <ul>
 * <li>{@link Kind#VARIABLE_DATA} (CI 0x72, 0x76, 0x7A, 0x78): {@code header} (null for 0x78),
 *     {@code records}, {@code moreRecordsFollow}, {@code manufacturerData};</li>
 * <li>{@link Kind#FIXED_DATA} (CI 0x73, 0x77): {@code fixedData} and its two counters in {@code records};</li>
 * <li>{@link Kind#APPLICATION_ERROR} (CI 0x70): {@code applicationError};</li>
 * <li>{@link Kind#ALARM} (CI 0x71): {@code alarmStatus};</li>
 * <li>{@link Kind#MASTER_REQUEST} (CI 0x50–0x56, 0xB8–0xBF): {@code masterRequest}, and for a
 *     data send (0x51) its records.</li>
 * </ul>
 *
 * @param ci the CI field
 * @param kind what the telegram is
 * @param header the data header; {@code null} for CI 0x78 and for non-variable-data telegrams
 * @param records the data records in wire order (idle fillers 0x2F skipped)
 * @param moreRecordsFollow true if the records end with DIF 0x1F: the meter has another telegram
 * @param manufacturerData bytes after DIF 0x0F/0x1F to the end of the user data; {@code null}
 *     if there is no such DIF
 * @param applicationError the error of a CI 0x70 reply, else {@code null}
 * @param fixedData the fixed-structure header of CI 0x73/0x77, else {@code null}
 * @param alarmStatus the alarm status byte of CI 0x71 (type D), else -1
 * @param masterRequest what a master asks in a SND_UD, else {@code null}
 */
public record Telegram(
        int ci,
        Kind kind,
        Header header,
        List<DataRecord> records,
        boolean moreRecordsFollow,
        byte[] manufacturerData,
        ApplicationError applicationError,
        FixedData fixedData,
        int alarmStatus,
        MasterRequest masterRequest) {

    /** What a telegram is, by CI field. */
    public enum Kind {
        /** Variable data response (CI 0x72, 0x76, 0x7A, 0x78). */
        VARIABLE_DATA,
        /** Legacy fixed data structure (CI 0x73, 0x77). */
        FIXED_DATA,
        /** Application error reply (CI 0x70). */
        APPLICATION_ERROR,
        /** Alarm status reply (CI 0x71). */
        ALARM,
        /** User data from a master to a slave (SND_UD: CI 0x50–0x56, 0xB8–0xBF). */
        MASTER_REQUEST
    }

    public Telegram {
        // the decoder's own list is unmodifiable and unshared already
        records = records instanceof RecordList ? records : List.copyOf(records);
        manufacturerData = manufacturerData == null ? null : manufacturerData.clone();
    }

    @Override
    public byte[] manufacturerData() {
        return manufacturerData == null ? null : manufacturerData.clone();
    }

    /** True for a reply a meter sends (anything but a master's request). */
    public boolean isResponse() {
        return kind != Kind.MASTER_REQUEST;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Telegram t && t.ci == ci && t.kind == kind && java.util.Objects.equals(t.header, header)
                && t.records.equals(records) && t.moreRecordsFollow == moreRecordsFollow
                && java.util.Arrays.equals(t.manufacturerData, manufacturerData)
                && java.util.Objects.equals(t.applicationError, applicationError)
                && java.util.Objects.equals(t.fixedData, fixedData) && t.alarmStatus == alarmStatus
                && java.util.Objects.equals(t.masterRequest, masterRequest);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ci, kind, header, records, moreRecordsFollow);
    }
}
