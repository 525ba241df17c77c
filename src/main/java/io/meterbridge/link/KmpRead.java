package io.meterbridge.link;

import java.util.List;
import java.util.Objects;

import io.meterbridge.kmp.KmpRegisterValue;
import io.meterbridge.kmp.KmpResponse;

/**
 * What one KMP read of a meter returned.
 *
 * @param meterType the GetType answer
 * @param serialNumber the GetSerialNo answer
 * @param values the registers the meter answered, in the order asked (a register the meter does not
 *     have is left out by the meter)
 * @param missing the register ids asked for that the meter left out
 */
public record KmpRead(KmpResponse.MeterType meterType, long serialNumber, List<KmpRegisterValue> values,
        List<Integer> missing) {

    public KmpRead {
        Objects.requireNonNull(meterType, "meterType");
        values = List.copyOf(values);
        missing = List.copyOf(missing);
    }
}
