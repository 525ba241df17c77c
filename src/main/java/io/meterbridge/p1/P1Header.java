package io.meterbridge.p1;

/**
 * The identification line {@code /XXXZ<identification>} (IEC 62056-21 clause 6.3.2): three
 * manufacturer letters (FLAG id: ISk Iskra, KFM Kaifa, XMX Landis+Gyr, KMP/KAM Kamstrup, SAG/EST/ELL
 * Sagemcom, FLU Fluvius, Lux Smarty), the baud-rate character, then free identification text.
 *
 * @param manufacturer   the three FLAG characters
 * @param baudRateId     the fifth character ({@code 5} = 9600 Bd in IEC terms; fixed in P1 practice)
 * @param identification everything after the baud-rate character, e.g. {@code \2MT382-1000}
 */
public record P1Header(String manufacturer, char baudRateId, String identification) {

    /** The header as written, including the leading {@code /}. */
    public String text() {
        return "/" + manufacturer + baudRateId + identification;
    }

    @Override
    public String toString() {
        return text();
    }
}
