package io.meterbridge.p1.dlms;

import io.meterbridge.p1.CosemValue;
import io.meterbridge.p1.ObisCatalogue;
import io.meterbridge.p1.ObisCode;
import io.meterbridge.p1.P1Header;
import io.meterbridge.p1.P1Line;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.P1Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the notification body of a HAN push into a {@link P1Telegram}, one {@link P1Line} per
 * COSEM object, so that the DSMR path ({@code meter.P1Normalizer}) reads it unchanged. Two shapes
 * of list carry their OBIS codes:
 *
 * <ul>
 * <li><b>Objects with scaler and unit</b> (Aidon, Landis+Gyr, Austrian lists): an array of
 *     structures {@code {logical name, value[, {scaler, unit}]}}, the value and the
 *     scaler-unit being the register's attributes 2 and 3 (IEC 62056-6-2 clause 4.3.2, class 3
 *     "Register"). The value is {@code value × 10^scaler} in the unit of the unit enum.</li>
 * <li><b>Flat pairs</b> (Kamstrup Omnipower): one structure of a visible-string list identifier
 *     ({@code Kamstrup_V0001}) then logical name and value alternately, without scalers. The
 *     scalers are fixed by Kamstrup's list, in {@link #KAMSTRUP_SCALERS}.</li>
 * </ul>
 *
 * and <b>bare values in a fixed order</b> (Norwegian NVE lists of Kaifa meters), whose OBIS codes
 * and scalers are in {@link NveList}, recognised by their number of elements. Any other list of
 * bare values fails with a {@link DlmsFormatException} that says so.
 *
 * <p>The clock (logical name {@code 0-x:1.0.0}) and the notification's own date-time become the
 * telegram timestamp {@code 0-0:1.0.0}, written as a P1 timestamp with the clock status'
 * daylight-saving bit as its S/W flag; the notification's own date-time wins.
 */
public final class PushList {

    /**
     * Kamstrup's fixed scalers and units, by C.D group of the logical name (medium 1, channel 1):
     * currents in 0.01 A, energies in 10 Wh / 10 varh, the rest in whole units. Source: Kamstrup
     * "OMNIPOWER HAN NVE interface" list description, as implemented by the amshan package
     * ({@code han/kamstrup.py}, github.com/toreamun/amshan, MIT licence). Kamstrup's CT meters
     * (type number starting 685) send currents in mA; see {@link #KAMSTRUP_CT_TYPE_PREFIX}.
     */
    static final Map<String, Scaled> KAMSTRUP_SCALERS = Map.ofEntries(
            Map.entry("1.7", new Scaled(0, "W")), Map.entry("2.7", new Scaled(0, "W")),
            Map.entry("3.7", new Scaled(0, "var")), Map.entry("4.7", new Scaled(0, "var")),
            Map.entry("31.7", new Scaled(-2, "A")), Map.entry("51.7", new Scaled(-2, "A")),
            Map.entry("71.7", new Scaled(-2, "A")),
            Map.entry("32.7", new Scaled(0, "V")), Map.entry("52.7", new Scaled(0, "V")),
            Map.entry("72.7", new Scaled(0, "V")),
            Map.entry("1.8", new Scaled(1, "Wh")), Map.entry("2.8", new Scaled(1, "Wh")),
            Map.entry("3.8", new Scaled(1, "varh")), Map.entry("4.8", new Scaled(1, "varh")));

    /** Kamstrup CT-connected meters' type numbers start so; their currents are in mA. */
    static final String KAMSTRUP_CT_TYPE_PREFIX = "685";

    /**
     * The unit enum (IEC 62056-6-2 clause 4.3.2 table "Enumerated values for physical units"; Blue
     * Book 4.3.2), the codes HAN lists use, as the unit text a P1 line carries.
     */
    static final Map<Integer, String> UNITS = Map.ofEntries(
            Map.entry(7, "s"), Map.entry(8, "deg"), Map.entry(9, "°C"), Map.entry(13, "m3"),
            Map.entry(27, "W"), Map.entry(28, "VA"), Map.entry(29, "var"), Map.entry(30, "Wh"),
            Map.entry(31, "VAh"), Map.entry(32, "varh"), Map.entry(33, "A"), Map.entry(35, "V"),
            Map.entry(44, "Hz"), Map.entry(56, "%"), Map.entry(255, ""));

    /** A fixed scaler and unit. */
    record Scaled(int scaler, String unit) {
    }

    private PushList() {
    }

    /**
     * The telegram of one data-notification.
     *
     * @param notification the decoded APDU
     * @throws DlmsFormatException when the body is neither shape; the offset is the element's index
     */
    public static P1Telegram toTelegram(DataNotification notification) throws DlmsFormatException {
        List<P1Line> lines = new ArrayList<>();
        String listId = "";
        Optional<CosemDateTime> clock = Optional.empty();
        if (notification.dateTime().isPresent()) {
            clock = Optional.of(CosemDateTime.decode(notification.dateTime().get(), 0));
        }
        if (!(notification.body() instanceof DlmsData.Sequence body)) {
            throw new DlmsFormatException("expected a structure or array as notification body, found "
                    + notification.body().type(), 0);
        }
        List<DlmsData> items = body.elements();
        List<Pending> pending = new ArrayList<>();
        Optional<NveList> nve = items.stream().anyMatch(PushList::carriesObisCode) ? Optional.empty()
                : NveList.withSize(items.size());
        if (nve.isPresent()) {
            List<ObisCode> codes = nve.get().codes();
            for (int i = 0; i < codes.size(); i++) {
                pending.add(new Pending(codes.get(i), items.get(i), NveList.scaled(codes.get(i)), false));
            }
        }
        for (int i = 0; i < items.size() && nve.isEmpty(); i++) {
            DlmsData item = items.get(i);
            if (item instanceof DlmsData.Sequence s && !s.elements().isEmpty()
                    && s.elements().get(0) instanceof DlmsData.Bytes n && n.isObisCode()) {
                if (s.elements().size() < 2) {
                    throw new DlmsFormatException("expected a value after logical name " + obis(n)
                            + " in element " + i + ", found none", i);
                }
                Optional<Scaled> scaled = s.elements().size() > 2 ? Optional.of(scalerUnit(s.elements().get(2), i))
                        : Optional.empty();
                pending.add(new Pending(obis(n), s.elements().get(1), scaled, false));
            } else if (item instanceof DlmsData.Bytes n && n.isObisCode()) {
                if (++i == items.size()) {
                    throw new DlmsFormatException("expected a value after logical name " + obis(n)
                            + " in the last element, found the end of the list", i - 1);
                }
                pending.add(new Pending(obis(n), items.get(i), Optional.empty(), true));
            } else if (i == 0 && item instanceof DlmsData.Bytes v && v.type() == AxdrType.VISIBLE_STRING) {
                listId = v.text();
            } else if (item.type() != AxdrType.NULL_DATA) {
                throw new DlmsFormatException("expected a logical name (octet-string of 6 bytes) or a structure"
                        + " starting with one in element " + i + ", found " + item.type() + " (lists of bare values"
                        + " without OBIS codes are read only in the NVE lists' sizes 1, 9, 13, 14 and 18)", i);
            }
        }
        for (Pending p : pending) {
            // the OBIS list version identifier 1-1:0.2.129 (Aidon, Kaifa) names the list, as Kamstrup's leading string does
            if (listId.isEmpty() && p.obis.c() == 0 && p.obis.d() == 2 && p.obis.e() == 129
                    && p.value instanceof DlmsData.Bytes t) {
                listId = t.text();
            }
        }
        boolean ctMeter = ctMeter(pending);
        int lineNumber = 2;
        for (Pending p : pending) {
            if (isClock(p.obis) && p.value instanceof DlmsData.Bytes t && t.value().length == CosemDateTime.BYTES) {
                if (clock.isEmpty()) {
                    clock = Optional.of(CosemDateTime.decode(t.value(), 0));
                }
                continue;
            }
            Optional<Scaled> scaled = p.scaled;
            if (p.flat && listId.startsWith("Kamstrup")) {
                scaled = ctMeter && isCurrent(p.obis) ? Optional.of(new Scaled(-3, "A"))
                        : Optional.ofNullable(KAMSTRUP_SCALERS.get(p.obis.c() + "." + p.obis.d()));
            }
            lines.add(line(p.obis, value(p.value, scaled), lineNumber++));
        }
        if (clock.isPresent()) {
            CosemDateTime c = clock.get();
            String text = String.format(Locale.ROOT, "%02d%02d%02d%02d%02d%02d%c", c.local().getYear() % 100,
                    c.local().getMonthValue(), c.local().getDayOfMonth(), c.local().getHour(), c.local().getMinute(),
                    c.local().getSecond(), c.daylightSaving() ? 'S' : 'W');
            lines.add(0, line(ObisCode.of(0, 0, 1, 0, 0), new CosemValue(text, ""), 1));
        }
        return P1Telegram.of(new P1Header(manufacturer(listId), '5', listId), P1Version.NORDIC_ESMR5, lines);
    }

    /** Whether the meter type (1-1:96.1.1) is a Kamstrup CT meter's. */
    private static boolean ctMeter(List<Pending> pending) {
        for (Pending p : pending) {
            if (p.obis.c() == 96 && p.obis.d() == 1 && p.obis.e() == 1 && p.value instanceof DlmsData.Bytes t) {
                return t.text().startsWith(KAMSTRUP_CT_TYPE_PREFIX);
            }
        }
        return false;
    }

    private static boolean carriesObisCode(DlmsData item) {
        return item instanceof DlmsData.Bytes n && n.isObisCode()
                || item instanceof DlmsData.Sequence s && !s.elements().isEmpty()
                && s.elements().get(0) instanceof DlmsData.Bytes b && b.isObisCode();
    }

    private record Pending(ObisCode obis, DlmsData value, Optional<Scaled> scaled, boolean flat) {
    }

    private static boolean isClock(ObisCode c) {
        return c.a() == 0 && c.c() == 1 && c.d() == 0 && c.e() == 0;
    }

    private static boolean isCurrent(ObisCode c) {
        return c.a() == 1 && (c.c() == 31 || c.c() == 51 || c.c() == 71) && c.d() == 7;
    }

    private static P1Line line(ObisCode obis, CosemValue value, int lineNumber) {
        return new P1Line(obis, List.of(value), lineNumber, obis + value.toString(), ObisCatalogue.lookup(obis));
    }

    private static Scaled scalerUnit(DlmsData d, int element) throws DlmsFormatException {
        if (d instanceof DlmsData.Sequence s && s.elements().size() == 2
                && s.elements().get(0) instanceof DlmsData.Integral scaler
                && s.elements().get(1) instanceof DlmsData.Integral unit) {
            String text = UNITS.get(unit.value().intValue());
            if (text == null) {
                throw new DlmsFormatException("expected a unit enum of IEC 62056-6-2 4.3.2 in element " + element
                        + ", found " + unit.value(), element);
            }
            return new Scaled(scaler.value().intValueExact(), text);
        }
        throw new DlmsFormatException("expected a scaler-unit structure {integer, enum} in element " + element
                + ", found " + d, element);
    }

    private static CosemValue value(DlmsData d, Optional<Scaled> scaled) {
        if (d instanceof DlmsData.Integral n) {
            int scaler = scaled.map(Scaled::scaler).orElse(0);
            BigDecimal v = new BigDecimal(n.value(), 0).scaleByPowerOfTen(scaler);
            if (v.scale() < 0) {
                v = v.setScale(0);
            }
            return new CosemValue(v.toPlainString(), scaled.map(Scaled::unit).orElse(""));
        }
        if (d instanceof DlmsData.Bytes b) {
            if (b.type() == AxdrType.OCTET_STRING && !printable(b.value())) {
                return new CosemValue(HexFormat.of().withUpperCase().formatHex(b.value()), "");
            }
            return new CosemValue(b.text(), "");
        }
        if (d instanceof DlmsData.Bool b) {
            return new CosemValue(b.value() ? "1" : "0", "");
        }
        return new CosemValue("", "");
    }

    private static boolean printable(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static ObisCode obis(DlmsData.Bytes n) {
        byte[] v = n.value();
        return new ObisCode(v[0] & 0xFF, v[1] & 0xFF, v[2] & 0xFF, v[3] & 0xFF, v[4] & 0xFF, v[5] & 0xFF);
    }

    /**
     * The FLAG manufacturer id (three letters) from the list identifier: {@code Kamstrup_V0001} →
     * KAM, {@code AIDON_V0001} → ADN, {@code KFM_001} → KFM; else its first three letters.
     */
    static String manufacturer(String listId) {
        String upper = listId.toUpperCase(Locale.ROOT);
        if (upper.startsWith("KAMSTRUP")) {
            return "KAM";
        }
        if (upper.startsWith("AIDON")) {
            return "ADN";
        }
        String letters = upper.replaceAll("[^A-Z]", "");
        return letters.length() >= 3 ? letters.substring(0, 3) : "DLM";
    }
}
