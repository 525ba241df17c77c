package io.meterbridge.kmp;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * One register as the meter answered it in a GetRegister response: on the wire
 * {@code <id hi> <id lo> <unit> <length> <sign/exponent> <mantissa: length bytes>} (Kamstrup
 * protocol description 6.2.4 as quoted by PyKMP {@code messages.GetRegisterResponse} and
 * {@code RegisterData}; the same layout is read by bsdphk/PyKamstrup {@code readvar}, ESPHome
 * {@code parse_command_message_} and MeterLogger {@code kmp_decode_frame}).
 *
 * @param registerId     the 16-bit register id
 * @param unitCode       the unit byte as sent, 0–255 ({@link #unit()} names it when it is published)
 * @param value          the exact value, its scale the wire exponent negated ({@link KmpNumber})
 * @param mantissaLength the mantissa length the meter used, 1–255 bytes, so the value can be
 *                       written back byte for byte (the simulator does)
 */
public record KmpRegisterValue(int registerId, int unitCode, BigDecimal value, int mantissaLength) {

    public KmpRegisterValue {
        if (registerId < 0 || registerId > 0xFFFF) {
            throw new IllegalArgumentException("expected a register id 0–65535, found " + registerId);
        }
        if (unitCode < 0 || unitCode > 0xFF) {
            throw new IllegalArgumentException("expected a unit code 0–255, found " + unitCode);
        }
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
        if (mantissaLength < 1 || mantissaLength > 0xFF) {
            throw new IllegalArgumentException("expected a mantissa length of 1–255 bytes, found " + mantissaLength);
        }
    }

    /** A value in a published unit with the 4-byte mantissa meters mostly send. */
    public static KmpRegisterValue of(KmpRegister register, KmpUnit unit, BigDecimal value) {
        return new KmpRegisterValue(register.id(), unit.code(), value, 4);
    }

    /** The unit, empty for a unit code no source publishes. */
    public Optional<KmpUnit> unit() {
        return KmpUnit.of(unitCode);
    }

    /** The register, empty for one outside {@link KmpRegister}'s table. */
    public Optional<KmpRegister> register() {
        return KmpRegister.byId(registerId);
    }

    /**
     * The date a {@link KmpUnit#DATE_YYMMDD} or {@link KmpUnit#DATE_YYYYMMDD} value spells in its
     * decimal digits (230915 is 15 September 2023: the meter writes dates as the number yymmdd,
     * MeterLogger's {@code kmpDateWithDate} encodes them the same way). Two-digit years are
     * 2000–2099. Empty for any other unit, and for a number that is no date (0 for "not set").
     */
    public Optional<LocalDate> date() {
        KmpUnit u = unit().orElse(null);
        if (u != KmpUnit.DATE_YYMMDD && u != KmpUnit.DATE_YYYYMMDD) {
            return Optional.empty();
        }
        long digits = wholeNumber();
        if (digits < 0) {
            return Optional.empty();
        }
        int year = (int) (digits / 10_000);
        if (u == KmpUnit.DATE_YYMMDD) {
            if (year > 99) {
                return Optional.empty();
            }
            year += 2000;
        }
        try {
            return Optional.of(LocalDate.of(year, (int) (digits / 100 % 100), (int) (digits % 100)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The time of day a {@link KmpUnit#TIME_HHMMSS} value spells in its decimal digits (143005 is
     * 14:30:05). Empty for any other unit and for a number that is no time.
     */
    public Optional<LocalTime> time() {
        if (unitCode != KmpUnit.TIME_HHMMSS.code()) {
            return Optional.empty();
        }
        long digits = wholeNumber();
        if (digits < 0 || digits > 235_959) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.of((int) (digits / 10_000), (int) (digits / 100 % 100), (int) (digits % 100)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The value as a non-negative whole number below 10^9, or −1. */
    private long wholeNumber() {
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0) {
            return -1;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        String name = register().map(KmpRegister::label).orElse(String.format("0x%04X", registerId));
        String symbol = unit().map(KmpUnit::symbol).orElse("unit " + unitCode);
        return name + " = " + value.toPlainString() + (symbol.isEmpty() ? "" : " " + symbol);
    }
}
