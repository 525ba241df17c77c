package io.meterbridge.p1.dlms;

import io.meterbridge.p1.ObisCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Norwegian HAN push lists that send bare values in a fixed order, without OBIS codes, as
 * Kaifa meters do (list identifier {@code KFM_001}). The order and scalers come from NVE's "AMS
 * HAN" OBIS list information for Kaifa (MA105H2E single-phase, MA304H3E three-phase), as
 * implemented by amshan ({@code han/kaifa.py}, github.com/toreamun/amshan, MIT):
 *
 * <table>
 * <caption>Element order and fixed scalers</caption>
 * <tr><th>List (elements)</th><th>Content</th></tr>
 * <tr><td>1 (1)</td><td>1-0:1.7.0 active power import W</td></tr>
 * <tr><td>2 three-phase (13)</td><td>list id 1-1:0.2.129, meter id 0-0:96.1.0, meter type 0-0:96.1.7,
 *     P+ 1.7.0 W, P- 2.7.0 W, Q+ 3.7.0 var, Q- 4.7.0 var, I L1/L2/L3 31/51/71.7.0 (mA, scaler -3),
 *     U L1/L2/L3 32/52/72.7.0 (0.1 V, scaler -1)</td></tr>
 * <tr><td>2 single-phase (9)</td><td>as three-phase up to I L1, then U L1</td></tr>
 * <tr><td>3 three-phase (18) / single-phase (14)</td><td>list 2, then clock 0-0:1.0.0 and energies
 *     1.8.0 / 2.8.0 Wh, 3.8.0 / 4.8.0 varh (scaler 0)</td></tr>
 * </table>
 */
enum NveList {
    LIST_1(codes("1-0:1.7.0")),
    LIST_2_SINGLE_PHASE(codes("1-1:0.2.129", "0-0:96.1.0", "0-0:96.1.7", "1-0:1.7.0", "1-0:2.7.0", "1-0:3.7.0",
            "1-0:4.7.0", "1-0:31.7.0", "1-0:32.7.0")),
    LIST_2_THREE_PHASE(codes("1-1:0.2.129", "0-0:96.1.0", "0-0:96.1.7", "1-0:1.7.0", "1-0:2.7.0", "1-0:3.7.0",
            "1-0:4.7.0", "1-0:31.7.0", "1-0:51.7.0", "1-0:71.7.0", "1-0:32.7.0", "1-0:52.7.0", "1-0:72.7.0")),
    LIST_3_SINGLE_PHASE(concat(LIST_2_SINGLE_PHASE.codes, codes("0-0:1.0.0", "1-0:1.8.0", "1-0:2.8.0", "1-0:3.8.0",
            "1-0:4.8.0"))),
    LIST_3_THREE_PHASE(concat(LIST_2_THREE_PHASE.codes, codes("0-0:1.0.0", "1-0:1.8.0", "1-0:2.8.0", "1-0:3.8.0",
            "1-0:4.8.0")));

    private final List<ObisCode> codes;

    NveList(List<ObisCode> codes) {
        this.codes = codes;
    }

    /** The OBIS codes in the order the values come. */
    List<ObisCode> codes() {
        return codes;
    }

    /** The list with this many elements, if any. */
    static Optional<NveList> withSize(int elements) {
        for (NveList l : values()) {
            if (l.codes.size() == elements) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The fixed scaler and unit of a value in these lists. */
    static Optional<PushList.Scaled> scaled(ObisCode c) {
        if (c.a() != 1 || c.d() < 7) {
            return Optional.empty();
        }
        int quantity = c.c() % 20;
        if (c.d() == 7 && (c.c() == 31 || c.c() == 51 || c.c() == 71)) {
            return Optional.of(new PushList.Scaled(-3, "A"));
        }
        if (c.d() == 7 && (c.c() == 32 || c.c() == 52 || c.c() == 72)) {
            return Optional.of(new PushList.Scaled(-1, "V"));
        }
        String unit = switch (quantity) {
            case 1, 2 -> c.d() == 7 ? "W" : "Wh";
            case 3, 4 -> c.d() == 7 ? "var" : "varh";
            default -> "";
        };
        return Optional.of(new PushList.Scaled(0, unit));
    }

    private static List<ObisCode> codes(String... texts) {
        List<ObisCode> out = new ArrayList<>(texts.length);
        for (String t : texts) {
            out.add(ObisCode.parse(t));
        }
        return List.copyOf(out);
    }

    private static List<ObisCode> concat(List<ObisCode> a, List<ObisCode> b) {
        List<ObisCode> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
