package io.meterbridge.p1;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A P1 timestamp {@code YYMMDDhhmmssX} (DSMR 5.0.2 P1, clause 6.4 "TST"): the meter's local wall
 * time plus {@code X} = {@code S} (summer) or {@code W} (winter). The flag alone does not give a
 * UTC offset (Dutch, Belgian and Luxembourg meters run on CET/CEST, Finnish ones on EET/EEST), so
 * conversion takes the meter's zone; the flag then picks the right instant in the repeated autumn
 * hour. DSMR 2.2/3 gas timestamps ({@code YYMMDDhhmmss}) have no flag.
 *
 * @param local the wall-clock time the meter wrote
 * @param dst   the daylight-saving flag, {@link DstFlag#NONE} when absent
 */
public record P1Timestamp(LocalDateTime local, DstFlag dst) {

    /** The zone of DSMR, e-MUCS and Smarty meters. */
    public static final ZoneId CENTRAL_EUROPE = ZoneId.of("Europe/Amsterdam");

    /**
     * Parses {@code YYMMDDhhmmss} optionally followed by {@code S} or {@code W}; years are 2000-2099.
     *
     * @throws IllegalArgumentException saying what was expected and found (e.g. month 25)
     */
    public static P1Timestamp parse(String text) {
        int n = text.length();
        DstFlag flag;
        if (n == 13) {
            char x = text.charAt(12);
            if (x == 'S') {
                flag = DstFlag.SUMMER;
            } else if (x == 'W') {
                flag = DstFlag.WINTER;
            } else {
                throw new IllegalArgumentException("expected DST flag S or W at end of timestamp '" + text + "', found '" + x + "'");
            }
        } else if (n == 12) {
            flag = DstFlag.NONE;
        } else {
            throw new IllegalArgumentException("expected timestamp YYMMDDhhmmss[S|W] (12 or 13 characters), found '" + text + "'");
        }
        for (int i = 0; i < 12; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                throw new IllegalArgumentException("expected digit at position " + i + " of timestamp '" + text + "'");
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + num(text, 0), num(text, 2), num(text, 4),
                    num(text, 6), num(text, 8), num(text, 10));
            return new P1Timestamp(local, flag);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timestamp '" + text + "' is not a valid date and time: " + e.getMessage(), e);
        }
    }

    private static int num(String s, int i) {
        return (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
    }

    /**
     * The instant in the meter's zone. In the autumn overlap the flag decides: {@code S} is the
     * earlier (summer) offset, {@code W} the later one. In the spring gap (a time that does not
     * exist) the time is moved forward by the gap, as {@link ZonedDateTime#ofLocal} does.
     */
    public OffsetDateTime toOffsetDateTime(ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        ZoneOffset preferred = null;
        if (offsets.size() == 2) {
            preferred = dst == DstFlag.WINTER ? offsets.get(1) : offsets.get(0);
        }
        return ZonedDateTime.ofLocal(local, zone, preferred).toOffsetDateTime();
    }

    /** {@link #toOffsetDateTime(ZoneId)} as an instant. */
    public Instant toInstant(ZoneId zone) {
        return toOffsetDateTime(zone).toInstant();
    }

    @Override
    public String toString() {
        return local + (dst == DstFlag.SUMMER ? "S" : dst == DstFlag.WINTER ? "W" : "");
    }
}
