package io.meterbridge.telegram;

import java.util.HexFormat;

/**
 * A complete text form of a decoded telegram: every public accessor of {@link Telegram} and of
 * each {@link DataRecord}. Used by the golden test so that a change of the decoder's internals
 * (the performance work) cannot change what callers see.
 */
public final class TelegramDump {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TelegramDump() {
    }

    /** Decodes a long frame's user data (frame offsets) and dumps it, or dumps the error. */
    public static String decodeAndDump(byte[] frame) {
        try {
            if (frame.length < 9) {
                return "short input\n";
            }
            return dump(TelegramDecoder.decode(frame[6] & 0xFF, frame, 7, frame.length - 2));
        } catch (TelegramFormatException e) {
            return "error @" + e.offset() + ": " + e.getMessage() + "\n";
        }
    }

    private static String master(MasterRequest m) {
        return m == null ? "null" : m.type() + "/" + m.selection() + "/" + m.baudRate() + "/"
                + HEX.formatHex(m.parameters());
    }

    /** The text form of a telegram. */
    public static String dump(Telegram t) {
        StringBuilder sb = new StringBuilder();
        sb.append("ci=").append(t.ci()).append(" kind=").append(t.kind()).append(" header=").append(t.header())
                .append(" more=").append(t.moreRecordsFollow()).append(" mdata=")
                .append(t.manufacturerData() == null ? "null" : HEX.formatHex(t.manufacturerData()))
                .append(" appError=").append(t.applicationError()).append(" fixed=").append(t.fixedData())
                .append(" alarm=").append(t.alarmStatus()).append(" master=").append(master(t.masterRequest()))
                .append(" response=").append(t.isResponse()).append('\n');
        for (DataRecord r : t.records()) {
            sb.append("  ").append(r).append(" | df=").append(r.dataField()).append(" comb=").append(r.combinables())
                    .append(" mvifes=").append(r.manufacturerVifes() == null ? "null" : HEX.formatHex(r.manufacturerVifes()))
                    .append(" data=").append(HEX.formatHex(r.data())).append(" len=").append(r.dataLength())
                    .append(" mfr=").append(r.manufacturerSpecific()).append(" flow=").append(r.flow())
                    .append(" limit=").append(r.limit()).append(" perTime=").append(r.perTime())
                    .append(" mult=").append(r.multiplicativeCorrection()).append(" add=").append(r.additiveCorrection())
                    .append(" uncorr=").append(r.uncorrected()).append(" base=").append(r.atBaseConditions())
                    .append(" number=").append(r.number())
                    .append(" valueClass=").append(r.value().getClass().getSimpleName()).append('\n');
        }
        return sb.toString();
    }
}
