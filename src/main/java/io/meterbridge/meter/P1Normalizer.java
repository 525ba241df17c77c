package io.meterbridge.meter;

import io.meterbridge.p1.CosemValue;
import io.meterbridge.p1.MBusChannel;
import io.meterbridge.p1.MBusReading;
import io.meterbridge.p1.ObisCatalogue;
import io.meterbridge.p1.ObisCode;
import io.meterbridge.p1.P1Header;
import io.meterbridge.p1.P1Line;
import io.meterbridge.p1.P1Telegram;
import io.meterbridge.p1.P1Version;
import io.meterbridge.p1.Phase;
import io.meterbridge.p1.Quantity;
import io.meterbridge.p1.ValueKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a parsed P1 telegram (DSMR 2.2 – 5, e-MUCS, Smarty, Nordic ESMR 5) into an
 * {@link ElectricityReading}: energy in kWh, power in kW (meters that write Wh/W are scaled
 * exactly), per-phase V/A/kW, the tariff as a number, the M-Bus channels (gas, water, heat) with
 * their own capture times, and every OBIS line as a {@link RawRecord}. Pure and thread-safe.
 *
 * <p>Totals: the meter's own total register ({@code 1.8.0}/{@code 2.8.0}) when it sends one, else
 * the exact sum of its tariff registers ({@code 1.8.1…4}), as {@link P1Telegram#energyImportTotal()}
 * computes it, so every meter has an import and an export total for the Energy dashboard.
 *
 * <p>Identity: manufacturer from the identification line's three letters; ID from the equipment
 * identifier ({@code 0-0:96.1.1}, {@code 0-0:42.0.0}, …); a meter that sends none (some Nordic
 * meters) is identified by its identification line instead, which is stable for one meter.
 */
public final class P1Normalizer {

    /** EN 13757-3 medium code of electricity, which P1 meters are. */
    public static final int ELECTRICITY = 0x02;

    /**
     * The reading of one telegram.
     *
     * @param telegram the parsed telegram (its CRC already checked)
     * @param readAt   when this service received it
     */
    public ElectricityReading normalize(P1Telegram telegram, Instant readAt) {
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(readAt, "readAt");
        ElectricityReading.Builder b = ElectricityReading.builder(identity(telegram), readAt);
        telegram.timestamp().ifPresent(ts -> b.meterClock(ts.local()));
        b.importKwh(telegram.energyImportTotal().map(P1Normalizer::kwh).orElse(null));
        b.exportKwh(telegram.energyExportTotal().map(P1Normalizer::kwh).orElse(null));
        for (int t = 1; t <= 4; t++) {
            int tariff = t;
            telegram.energyImport(t).map(P1Normalizer::kwh).ifPresent(v -> b.importKwh(tariff, v));
            telegram.energyExport(t).map(P1Normalizer::kwh).ifPresent(v -> b.exportKwh(tariff, v));
        }
        b.powerImportKw(telegram.powerImport().map(P1Normalizer::kw).orElse(null));
        b.powerExportKw(telegram.powerExport().map(P1Normalizer::kw).orElse(null));
        b.tariff(telegram.tariffIndicator().map(P1Normalizer::tariffNumber).orElse(null));
        for (Phase p : Phase.values()) {
            PhaseValues v = new PhaseValues(p.ordinal() + 1,
                    telegram.voltage(p).map(q -> unit(q, "V")).orElse(null),
                    telegram.current(p).map(q -> unit(q, "A")).orElse(null),
                    telegram.powerImport(p).map(P1Normalizer::kw).orElse(null),
                    telegram.powerExport(p).map(P1Normalizer::kw).orElse(null),
                    boxed(telegram.voltageSags(p)),
                    boxed(telegram.voltageSwells(p)));
            if (v.voltageV() != null || v.currentA() != null || v.powerImportKw() != null
                    || v.powerExportKw() != null || v.voltageSags() != null || v.voltageSwells() != null) {
                b.phase(v);
            }
        }
        b.powerFailures(boxed(telegram.powerFailures()));
        b.longPowerFailures(boxed(telegram.longPowerFailures()));
        b.textMessage(telegram.textMessage().or(telegram::textMessageCode).orElse(null));
        for (MBusChannel c : telegram.mbusChannels()) {
            channelValue(c).ifPresent(b::channel);
        }
        b.records(records(telegram));
        return b.build();
    }

    /** Who the meter is, from the identification line and the equipment identifier. */
    public MeterIdentity identity(P1Telegram telegram) {
        P1Header header = telegram.header();
        String code = header.manufacturer().toUpperCase(Locale.ROOT);
        String ident = identification(header);
        String model = (ident.isEmpty() ? "P1 meter" : ident) + " (" + dialect(telegram) + ")";
        String id = telegram.equipmentId().orElse(ident.isEmpty() ? header.text().substring(1) : ident);
        return new MeterIdentity(code, Manufacturers.name(code), model, id, null, null, ELECTRICITY, null);
    }

    /**
     * The identification text without the IEC 62056-21 mode mark: {@code \2M550T-1012} →
     * {@code M550T-1012} (a backslash and a digit announce enhanced mode, clause 6.3.14). A backslash
     * followed by anything else is no mode mark and only the backslashes go: Enexis' Sagemcom writes
     * {@code /Ene5\T210-D ESMR5.0}, whose model is {@code T210-D ESMR5.0}.
     */
    static String identification(P1Header header) {
        String s = header.identification();
        if (s.length() >= 2 && s.charAt(0) == '\\' && Character.isDigit(s.charAt(1))) {
            s = s.substring(2);
        } else {
            int i = 0;
            while (i < s.length() && s.charAt(i) == '\\') {
                i++;
            }
            s = s.substring(i);
        }
        return s.trim();
    }

    /** {@code DSMR 5.0}, {@code DSMR 4.2}, {@code DSMR 2.2/3}, {@code e-MUCS}, … for the model name. */
    static String dialect(P1Telegram telegram) {
        P1Version v = telegram.version();
        Optional<String> declared = telegram.versionInformation();
        return switch (v) {
            case DSMR_2_OR_3 -> "DSMR 2.2/3";
            case DSMR_4, DSMR_5 -> declared.filter(d -> d.length() == 2 && d.chars().allMatch(Character::isDigit))
                    .map(d -> "DSMR " + d.charAt(0) + "." + d.charAt(1))
                    .orElse(v == P1Version.DSMR_4 ? "DSMR 4" : "DSMR 5");
            case BELGIUM_E_MUCS -> "e-MUCS";
            case LUXEMBOURG_SMARTY -> "Smarty";
            case NORDIC_ESMR5 -> "ESMR 5 HAN";
            case OTHER_WITH_CRC, OTHER_WITHOUT_CRC -> "P1";
        };
    }

    /** An energy in kWh: kWh as written, Wh and MWh scaled exactly; other units are not energy. */
    static BigDecimal kwh(Quantity q) {
        Quantity k = canonicalUnit(q).inKiloUnits();
        return switch (k.unit()) {
            case "kWh" -> k.value();
            case "MWh" -> k.value().movePointRight(3);
            default -> null;
        };
    }

    /** A power in kW: kW as written, W scaled exactly. */
    static BigDecimal kw(Quantity q) {
        Quantity k = canonicalUnit(q).inKiloUnits();
        return switch (k.unit()) {
            case "kW" -> k.value();
            case "MW" -> k.value().movePointRight(3);
            default -> null;
        };
    }

    /** The value if the meter wrote {@code unit} (in any case) or no unit at all; otherwise not this quantity. */
    private static BigDecimal unit(Quantity q, String unit) {
        return canonicalUnit(q).unit().equals(unit) || q.unit().isEmpty() ? q.value() : null;
    }

    /**
     * The quantity with its unit in the standard's spelling when the meter wrote it in another case:
     * DSMR 5.0.2 clause 6.4 spells units {@code kWh}, {@code kW}, {@code V}, {@code A}, {@code m3},
     * but meters (and the lower-case variant of the DSMR 5.0 example telegram) also write
     * {@code kwh}, {@code kw}, {@code v}, {@code a}. Only units without a milli/mega ambiguity are
     * folded: {@code mwh} stays as written and is not taken for MWh.
     */
    static Quantity canonicalUnit(Quantity q) {
        String unit = switch (q.unit().toLowerCase(Locale.ROOT)) {
            case "kwh" -> "kWh";
            case "wh" -> "Wh";
            case "kw" -> "kW";
            case "w" -> "W";
            case "v" -> "V";
            case "a" -> "A";
            case "m3" -> "m3";
            default -> q.unit();
        };
        return unit.equals(q.unit()) ? q : new Quantity(q.value(), unit);
    }

    /** {@code 0002} → 2; a tariff indicator that is not a number is left out. */
    static Integer tariffNumber(String indicator) {
        String s = indicator.trim();
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(s);
    }

    private static Long boxed(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    /**
     * The channel's main value. A channel whose value has no unit is an empty slot (DSMR 5 meters
     * write {@code 0-1:24.2.1(700101010000W)(00000000)} for a channel without device) and is left out.
     */
    static Optional<ChannelValue> channelValue(MBusChannel c) {
        Optional<MBusReading> r = c.reading();
        if (r.isEmpty() || r.get().value().unit().isEmpty()) {
            return Optional.empty();
        }
        Quantity q = canonicalUnit(r.get().value());
        String unit = q.unit().equals("m3") ? "m³" : q.unit();
        return Optional.of(new ChannelValue(c.channel(), c.deviceType().orElse(0), c.equipmentId().orElse(null),
                q.value(), unit, r.get().capturedAt().local()));
    }

    /** Every OBIS line as a raw record, in telegram order; unknown codes included. */
    static List<RawRecord> records(P1Telegram telegram) {
        List<RawRecord> out = new ArrayList<>(telegram.lines().size());
        for (P1Line l : telegram.lines()) {
            ObisCode o = l.obis();
            Optional<ObisCatalogue.Entry> entry = l.entry();
            ValueKind kind = entry.map(ObisCatalogue.Entry::kind).orElse(ValueKind.RAW);
            int tariff = o.a() == 1 && o.c() >= 1 && o.c() <= 4 && o.d() == 8 ? o.e() : 0;
            int subunit = o.a() == 0 && o.b() >= 1 && o.b() <= 4 ? o.b() : 0;
            BigDecimal number = null;
            String text = null;
            CosemValue last = l.last();
            switch (kind) {
                case NUMBER, COUNT, TIMESTAMPED_NUMBER, LEGACY_GAS -> number = decimalOrNull(last);
                case OCTET_STRING -> text = P1Telegram.decodeOctetString(l.first().text());
                case TEXT -> text = l.first().text();
                case TIMESTAMP -> text = l.first().text();
                default -> {
                    // event logs, peak history, unknown codes: the groups as written
                }
            }
            if (number == null && text == null) {
                StringBuilder sb = new StringBuilder();
                l.values().forEach(sb::append);
                text = sb.toString();
            }
            String name = entry.map(e -> e.name().toLowerCase(Locale.ROOT)).orElse("unknown");
            String description = entry.map(ObisCatalogue.Entry::description).orElse("OBIS code not in the catalogue");
            out.add(new RawRecord(o.toString(), 0, tariff, subunit, "instantaneous", name, description,
                    number != null ? last.unit() : "", number, text, null));
        }
        return List.copyOf(out);
    }

    private static BigDecimal decimalOrNull(CosemValue v) {
        try {
            return v.decimal();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
