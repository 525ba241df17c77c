package io.meterbridge.telegram;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One data record of a variable-data telegram: DIB (DIF + DIFEs), VIB (VIF + VIFEs) and data,
 * decoded (EN 13757-3 clause 6). Immutable and thread-safe. (A final class rather than a record
 * so that the decoder can share one private copy of the telegram's bytes among its records and
 * derive the DIB fields, the hex and byte views and the value from them on demand: decoding
 * allocates little. The value is decoded once, on the first call of {@link #value()}; it never
 * fails, since invalid data are a {@link Value.Invalid}.)
 */
public final class DataRecord {

    // A decoded record is a view of the decoder's private copy of the telegram's bytes: positions
    // (shorts: at most 32767 bytes of user data), the shared meaning of its VIB, and its value.
    // DIB fields (data field, storage, tariff, sub-unit, function) are read from the DIB bytes
    // when asked for. 40 bytes per record: the decoder allocates one per record, so its size
    // matters for throughput. A record built from parts keeps those in its Vib (Vib.Given).
    private final byte[] buf;
    private final Vib vib;
    private final int offset;
    private final short difFrom;
    private final short vifFrom;
    private final short vifTo;
    private final short dataFrom;
    private final short dataTo;
    private final short mfrFrom;
    /**
     * The value; for a decoder record {@code null} until first asked for, then decoded from
     * {@code buf}. The race of two first calls is benign: both compute equal immutable values
     * (records with final fields, safely published).
     */
    private Value value;

    /**
     * A record from its parts (all copied).
     *
     * @param offset byte offset of the DIF, from the start of the frame
     * @param dif DIF and DIFEs, upper-case hex
     * @param vif VIF and VIFEs, upper-case hex
     * @param dataField the DIF's data field code
     * @param storage storage number
     * @param tariff tariff
     * @param subunit sub-unit
     * @param function function field
     * @param quantity quantity
     * @param description description naming every combinable VIFE
     * @param unit unit of {@code value}
     * @param value the value
     * @param combinables combinable VIFEs
     * @param manufacturerVifes raw manufacturer-specific VIFE bytes, or {@code null}
     * @param data raw data bytes
     */
    public DataRecord(int offset, String dif, String vif, int dataField, long storage, int tariff, int subunit,
            Function function, Quantity quantity, String description, String unit, Value value,
            List<CombinableVife> combinables, byte[] manufacturerVifes, byte[] data) {
        int m = manufacturerVifes == null ? 0 : manufacturerVifes.length;
        if (m + data.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("a record holds at most " + Short.MAX_VALUE + " bytes, got "
                    + (m + data.length));
        }
        this.buf = new byte[m + data.length];
        if (manufacturerVifes != null) {
            System.arraycopy(manufacturerVifes, 0, buf, 0, m);
        }
        System.arraycopy(data, 0, buf, m, data.length);
        this.offset = offset;
        this.difFrom = 0;
        // no VIB bytes (dif() and vif() are the given strings): the manufacturer VIFEs end where it would
        this.vifFrom = (short) m;
        this.vifTo = (short) m;
        this.mfrFrom = (short) (manufacturerVifes == null ? -1 : 0);
        this.dataFrom = (short) m;
        this.dataTo = (short) (m + data.length);
        Objects.requireNonNull(dif);
        Objects.requireNonNull(vif);
        if (subunit < 0 || subunit > 0x3FF || dataField < 0 || dataField > 0xF) {
            throw new IllegalArgumentException("sub-unit is 10 bits and the data field 4 bits, got " + subunit + ", "
                    + dataField);
        }
        this.vib = Vib.given(new Vib.Given(dif, vif, dataField, storage, tariff, subunit, Objects.requireNonNull(function)),
                Objects.requireNonNull(quantity), Objects.requireNonNull(description), Objects.requireNonNull(unit),
                combinables);
        this.value = Objects.requireNonNull(value);
    }

    /**
     * The decoder's constructor: {@code buf} is the decoder's private copy of the telegram
     * (never handed out), {@code buf[i]} being frame byte {@code base + i}; positions are frame
     * offsets. {@code value} may be {@code null}: it is then decoded from the data field on
     * first use (the LVAR byte, for data field 0xD, just before {@code dataFrom}).
     */
    DataRecord(byte[] buf, int base, int offset, int vifFrom, int vifTo, int dataFrom, int dataTo, int mfrFrom,
            Vib vib, Value value) {
        this.buf = buf;
        this.offset = offset;
        this.difFrom = (short) (offset - base);
        this.vifFrom = (short) (vifFrom - base);
        this.vifTo = (short) (vifTo - base);
        this.dataFrom = (short) (dataFrom - base);
        this.dataTo = (short) (dataTo - base);
        this.mfrFrom = (short) (mfrFrom < 0 ? -1 : mfrFrom - base);
        this.vib = vib;
        this.value = value;
    }

    /** Byte offset of the DIF, from the start of the frame. */
    public int offset() {
        return offset;
    }

    /** DIF and DIFEs as on the wire, upper-case hex without separators ({@code "8410"}). */
    public String dif() {
        Vib.Given g = vib.given;
        return g != null ? g.dif() : TelegramDecoder.hex(buf, difFrom, vifFrom);
    }

    /**
     * VIF and VIFEs as on the wire ({@code "863C"}), plain-text bytes included; empty for the
     * counters of a fixed data structure.
     */
    public String vif() {
        Vib.Given g = vib.given;
        return g != null ? g.vif() : TelegramDecoder.hex(buf, vifFrom, vifTo);
    }

    /** The DIF's data field code 0x0–0xF (0xD: LVAR). */
    public int dataField() {
        Vib.Given g = vib.given;
        return g != null ? g.dataField() : buf[difFrom] & 0x0F;
    }

    /** Storage number (DIF bit 6 plus 4 bits per DIFE). */
    public long storage() {
        Vib.Given g = vib.given;
        if (g != null) {
            return g.storage();
        }
        long storage = (buf[difFrom] >> 6) & 1;
        for (int i = difFrom + 1, n = 0; i < vifFrom; i++, n++) {
            storage |= (long) (buf[i] & 0x0F) << (1 + 4 * n);
        }
        return storage;
    }

    /** Tariff (2 bits per DIFE). */
    public int tariff() {
        Vib.Given g = vib.given;
        if (g != null) {
            return g.tariff();
        }
        int tariff = 0;
        for (int i = difFrom + 1, n = 0; i < vifFrom; i++, n++) {
            tariff |= ((buf[i] >> 4) & 0x03) << (2 * n);
        }
        return tariff;
    }

    /** Sub-unit / device (1 bit per DIFE). */
    public int subunit() {
        Vib.Given g = vib.given;
        if (g != null) {
            return g.subunit();
        }
        int subunit = 0;
        for (int i = difFrom + 1, n = 0; i < vifFrom; i++, n++) {
            subunit |= ((buf[i] >> 6) & 0x01) << n;
        }
        return subunit;
    }

    /** The function field. */
    public Function function() {
        Vib.Given g = vib.given;
        return g != null ? g.function() : Function.ofDif(buf[difFrom]);
    }

    /** What is measured. */
    public Quantity quantity() {
        return vib.quantity;
    }

    /** Human-readable quantity naming every combinable VIFE, e.g. {@code "Energy, backward flow"}. */
    public String description() {
        return vib.description;
    }

    /**
     * Home Assistant's unit string where one exists ({@code kWh}, {@code m³}, {@code °C} …), a
     * plain SI-style unit otherwise, the text of a plain-text VIF, {@code ""} if dimensionless.
     */
    public String unit() {
        return vib.unit;
    }

    /**
     * The value in {@link #unit()}, VIF exponent and multiplicative corrections applied. Numbers
     * keep the resolution of the VIF as their scale (VIF 0x59, 0.01 °C: {@code 23.70}).
     */
    public Value value() {
        Value v = value;
        if (v == null) {
            int df = buf[difFrom] & 0x0F; // decoder records only: a record from parts has its value
            v = TelegramDecoder.value(df, df == 0x0D ? buf[dataFrom - 1] & 0xFF : -1, buf, dataFrom,
                    dataTo - dataFrom, vib);
            value = v;
        }
        return v;
    }

    /** The combinable VIFEs in wire order (without the 0x7C/0x7F escapes and what follows 0x7F). */
    public List<CombinableVife> combinables() {
        return vib.combinables;
    }

    /**
     * The raw VIFE bytes after a manufacturer-specific escape (VIF 0x7F/0xFF or combinable VIFE
     * 0x7F), e.g. {@code 22} of Kamstrup's {@code 04 FF 22}; {@code null} if there is no escape.
     */
    public byte[] manufacturerVifes() {
        return mfrFrom < 0 ? null : Arrays.copyOfRange(buf, mfrFrom, vifTo);
    }

    /** The raw data field bytes as on the wire (LVAR length byte excluded). */
    public byte[] data() {
        return Arrays.copyOfRange(buf, dataFrom, dataTo);
    }

    /** Number of raw data bytes. */
    public int dataLength() {
        return dataTo - dataFrom;
    }

    /** True if a manufacturer-specific escape (VIF 0x7F/0xFF or VIFE 0x7F) makes the record's meaning vendor-defined. */
    public boolean manufacturerSpecific() {
        return mfrFrom >= 0;
    }

    /** Forward/backward flow from VIFE 0x3B/0x3C. */
    public Flow flow() {
        for (CombinableVife v : vib.combinables) {
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
        for (CombinableVife v : vib.combinables) {
            int c = v.code();
            if (!v.secondTable() && ((c >= 0x40 && c <= 0x5F) || c == 0x68 || c == 0x6C)) {
                return (c & (c >= 0x68 ? 0x04 : 0x08)) != 0 ? Limit.UPPER : Limit.LOWER;
            }
        }
        return Limit.NONE;
    }

    /** The time unit of "per second … per year" (VIFE 0x20–0x26), or {@code null}. */
    public ChronoUnit perTime() {
        for (CombinableVife v : vib.combinables) {
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
        for (CombinableVife v : vib.combinables) {
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
        for (CombinableVife v : vib.combinables) {
            if (!v.secondTable() && v.code() >= 0x78 && v.code() <= 0x7B) {
                return BigDecimal.ONE.scaleByPowerOfTen((v.code() & 0x03) - 3);
            }
        }
        return null;
    }

    /** True if VIFE 0x3A says the value is in uncorrected meter units. */
    public boolean uncorrected() {
        return hasFirstTable(0x3A);
    }

    /** True if VIFE 0x3E says the value is at base conditions. */
    public boolean atBaseConditions() {
        return hasFirstTable(0x3E);
    }

    private boolean hasFirstTable(int code) {
        for (CombinableVife v : vib.combinables) {
            if (!v.secondTable() && v.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** The record's value as a number, or {@code null} if it is not numeric or invalid. */
    public BigDecimal number() {
        return value() instanceof Value.Numeric n ? n.number() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRecord r && r.offset == offset && r.dif().equals(dif()) && r.vif().equals(vif())
                && r.dataField() == dataField() && r.storage() == storage() && r.tariff() == tariff()
                && r.subunit() == subunit()
                && r.function() == function() && r.vib.quantity == vib.quantity && r.vib.description.equals(vib.description)
                && r.vib.unit.equals(vib.unit) && r.value().equals(value()) && r.vib.combinables.equals(vib.combinables)
                && Arrays.equals(r.manufacturerVifes(), manufacturerVifes()) && Arrays.equals(r.data(), data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, dif(), vif(), storage(), tariff(), subunit(), function(), vib.quantity, value());
    }

    @Override
    public String toString() {
        return "DataRecord[offset=" + offset + ", dif=" + dif() + ", vif=" + vif() + ", storage=" + storage()
                + ", tariff=" + tariff() + ", subunit=" + subunit() + ", function=" + function() + ", quantity=" + vib.quantity
                + ", description=" + vib.description + ", value=" + value() + ", unit=" + vib.unit + "]";
    }
}
