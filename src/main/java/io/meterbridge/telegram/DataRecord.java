package io.meterbridge.telegram;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One data record of a variable-data telegram: DIB (DIF + DIFEs), VIB (VIF + VIFEs) and data,
 * decoded (EN 13757-3 clause 6).
 *
 * @param offset byte offset of the DIF, from the start of the frame
 * @param dif DIF and DIFEs as on the wire, upper-case hex without separators ({@code "8410"})
 * @param vif VIF and VIFEs as on the wire, plain-text bytes included ({@code "863C"}); empty for
 *     the counters of a fixed data structure
 * @param dataField the DIF's data field code 0x0–0xF (0xD: LVAR)
 * @param storage storage number (DIF bit 6 plus 4 bits per DIFE)
 * @param tariff tariff (2 bits per DIFE)
 * @param subunit sub-unit / device (1 bit per DIFE)
 * @param function the function field
 * @param quantity what is measured
 * @param description human-readable quantity naming every combinable VIFE, e.g.
 *     {@code "Energy, backward flow"}
 * @param unit Home Assistant's unit string where one exists ({@code kWh}, {@code m³}, {@code °C} …),
 *     a plain SI-style unit otherwise, the text of a plain-text VIF, {@code ""} if dimensionless
 * @param value the value in {@code unit}, VIF exponent applied
 * @param combinables the combinable VIFEs in wire order (without the 0x7F escape and what follows it)
 * @param manufacturerVifes the raw VIFE bytes after a manufacturer-specific escape (VIF 0x7F/0xFF
 *     or combinable VIFE 0x7F), e.g. {@code 22} of Kamstrup's {@code 04 FF 22}; {@code null} if none
 * @param data the raw data field bytes as on the wire (LVAR length byte excluded)
 */
public record DataRecord(
        int offset,
        String dif,
        String vif,
        int dataField,
        long storage,
        int tariff,
        int subunit,
        Function function,
        Quantity quantity,
        String description,
        String unit,
        Value value,
        List<CombinableVife> combinables,
        byte[] manufacturerVifes,
        byte[] data) {

    public DataRecord {
        combinables = List.copyOf(combinables);
        manufacturerVifes = manufacturerVifes == null ? null : manufacturerVifes.clone();
        data = data.clone();
    }

    @Override
    public byte[] manufacturerVifes() {
        return manufacturerVifes == null ? null : manufacturerVifes.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** True if a manufacturer-specific escape (VIF 0x7F/0xFF or VIFE 0x7F) makes the record's meaning vendor-defined. */
    public boolean manufacturerSpecific() {
        return manufacturerVifes != null;
    }

    /** Forward/backward flow from VIFE 0x3B/0x3C. */
    public Flow flow() {
        for (CombinableVife v : combinables) {
            if (!v.secondTable() && v.code() == 0x3B) {
                return Flow.FORWARD;
            }
            if (!v.secondTable() && v.code() == 0x3C) {
                return Flow.BACKWARD;
            }
        }
        return Flow.NONE;
    }

    /**
     * Lower/upper limit from VIFEs 0x40–0x5F (limit value, exceedance count, dates and durations
     * of exceedances: bit 3 is u, lower/upper) and 0x68/0x6C (value during a lower/upper limit
     * exceedance).
     */
    public Limit limit() {
        for (CombinableVife v : combinables) {
            int c = v.code();
            if (!v.secondTable() && ((c >= 0x40 && c <= 0x5F) || c == 0x68 || c == 0x6C)) {
                return (c & (c >= 0x68 ? 0x04 : 0x08)) != 0 ? Limit.UPPER : Limit.LOWER;
            }
        }
        return Limit.NONE;
    }

    /** The time unit of "per second … per year" (VIFE 0x20–0x26), or {@code null}. */
    public ChronoUnit perTime() {
        for (CombinableVife v : combinables) {
            if (!v.secondTable() && v.code() >= 0x20 && v.code() <= 0x26) {
                return PER_TIME[v.code() - 0x20];
            }
        }
        return null;
    }

    private static final ChronoUnit[] PER_TIME = {ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS,
        ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS, ChronoUnit.YEARS};

    /**
     * The multiplicative correction factor of VIFE 0x70–0x77 (10^(n−6)) or 0x7D (10^3), or
     * {@code null}. It is already applied to {@link #value()}.
     */
    public BigDecimal multiplicativeCorrection() {
        BigDecimal f = null;
        for (CombinableVife v : combinables) {
            if (v.secondTable()) {
                continue;
            }
            BigDecimal g = null;
            if (v.code() >= 0x70 && v.code() <= 0x77) {
                g = BigDecimal.ONE.scaleByPowerOfTen((v.code() & 0x07) - 6);
            } else if (v.code() == 0x7D) {
                g = BigDecimal.ONE.scaleByPowerOfTen(3);
            }
            if (g != null) {
                f = f == null ? g : f.multiply(g);
            }
        }
        return f;
    }

    /**
     * The additive correction constant of VIFE 0x78–0x7B, 10^(n−3) in the unit of the VIF, or
     * {@code null}. It says the record's value is such an offset; it is not added to the value.
     */
    public BigDecimal additiveCorrection() {
        for (CombinableVife v : combinables) {
            if (!v.secondTable() && v.code() >= 0x78 && v.code() <= 0x7B) {
                return BigDecimal.ONE.scaleByPowerOfTen((v.code() & 0x03) - 3);
            }
        }
        return null;
    }

    /** True if VIFE 0x3A says the value is in uncorrected meter units. */
    public boolean uncorrected() {
        return combinables.stream().anyMatch(v -> !v.secondTable() && v.code() == 0x3A);
    }

    /** True if VIFE 0x3E says the value is at base conditions. */
    public boolean atBaseConditions() {
        return combinables.stream().anyMatch(v -> !v.secondTable() && v.code() == 0x3E);
    }

    /** The record's value as a number, or {@code null} if it is not numeric or invalid. */
    public BigDecimal number() {
        return value instanceof Value.Numeric n ? n.number() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRecord r && r.offset == offset && r.dif.equals(dif) && r.vif.equals(vif)
                && r.dataField == dataField && r.storage == storage && r.tariff == tariff && r.subunit == subunit
                && r.function == function && r.quantity == quantity && r.description.equals(description)
                && r.unit.equals(unit) && r.value.equals(value) && r.combinables.equals(combinables)
                && java.util.Arrays.equals(r.manufacturerVifes, manufacturerVifes)
                && java.util.Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(offset, dif, vif, storage, tariff, subunit, function, quantity, value);
    }
}
