package io.meterbridge.link;

/**
 * Whether a RSP_UD says "more records follow in the next telegram": its last data record is
 * the special DIF {@code 1F} (EN 13757-3 clause 6.3.3), after which only manufacturer data
 * follows. Finding that DIF needs a walk over the records' lengths (a {@code 1F} byte inside a
 * value means nothing), which is all this class does; decoding is the decoder's job.
 */
final class MoreRecords {

    private MoreRecords() {
    }

    /** True if the variable-data telegram ends with DIF 0x1F; false for anything it cannot walk. */
    static boolean follow(LongFrame frame) {
        byte[] d = frame.data();
        int i = switch (frame.ci()) {
            case 0x72, 0x76 -> 12; // long header
            case 0x7A -> 4; // short header
            case 0x78 -> 0; // no header
            default -> -1;
        };
        if (i < 0) {
            return false;
        }
        while (i < d.length) {
            int dif = d[i++] & 0xFF;
            if (dif == 0x2F) {
                continue; // idle filler
            }
            if (dif == 0x0F || dif == 0x1F) {
                return dif == 0x1F;
            }
            int dife = dif;
            while ((dife & 0x80) != 0 && i < d.length) {
                dife = d[i++] & 0xFF;
            }
            if (i >= d.length) {
                return false;
            }
            int vif = d[i++] & 0xFF;
            if ((vif & 0x7F) == 0x7C && i < d.length) {
                i += 1 + (d[i] & 0xFF); // plain-text unit: length and ASCII right after the VIF (libmbus order)
            }
            int vife = vif;
            while ((vife & 0x80) != 0 && i < d.length) {
                vife = d[i++] & 0xFF;
            }
            int length = switch (dif & 0x0F) {
                case 0x0, 0x8 -> 0;
                case 0x1, 0x9 -> 1;
                case 0x2, 0xA -> 2;
                case 0x3, 0xB -> 3;
                case 0x4, 0x5, 0xC -> 4;
                case 0x6, 0xE -> 6;
                case 0x7 -> 8;
                case 0xD -> i < d.length ? lvarLength(d[i] & 0xFF) + 1 : 1;
                default -> 0;
            };
            i += length;
        }
        return false;
    }

    private static int lvarLength(int lvar) {
        if (lvar <= 0xBF) {
            return lvar;
        }
        if (lvar <= 0xCF) {
            return lvar - 0xC0;
        }
        if (lvar <= 0xDF) {
            return lvar - 0xD0;
        }
        if (lvar <= 0xEF) {
            return lvar - 0xE0;
        }
        if (lvar <= 0xF4) {
            return 4 * (lvar - 0xEC);
        }
        return lvar == 0xF5 ? 48 : lvar == 0xF6 ? 64 : 0;
    }
}
