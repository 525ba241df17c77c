package io.meterbridge.iec62056;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One data set of a data block, {@code Address(Value*Unit)}, as the meter sent it.
 *
 * <p>The standard puts one value in the parentheses. Landis+Gyr Ultraheat meters put several,
 * separated by {@code &}, each with its own unit: {@code 9.4(098.5*C&096.1*C)} holds the highest
 * flow and return temperatures, {@code 9.36(2022-05-19&19:41:17)} a date and a time. {@link #values()}
 * splits there; {@link #value()} is the first. The raw text is kept, so nothing is lost for a meter
 * whose values contain {@code &} for another reason.
 *
 * @param address    what the data set is
 * @param raw        everything between the parentheses, as sent
 * @param lineNumber the 1-based line of the data block it is on (the line after STX is line 1)
 * @param offset     the offset of its first byte from the STX of the block
 */
public record DataSet(DataSetAddress address, String raw, int lineNumber, int offset) {

    public DataSet {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(raw, "raw");
    }

    /** The values between the parentheses, split at {@code &}; one empty value for {@code ()}. */
    public List<DataSetValue> values() {
        List<DataSetValue> values = new ArrayList<>(2);
        int start = 0;
        for (int amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', start)) {
            values.add(DataSetValue.of(raw.substring(start, amp)));
            start = amp + 1;
        }
        values.add(DataSetValue.of(raw.substring(start)));
        return List.copyOf(values);
    }

    /** The first value. */
    public DataSetValue value() {
        return values().get(0);
    }

    /** Whether the parentheses are empty: the meter has the data set but no value for it. */
    public boolean isEmpty() {
        return raw.isEmpty();
    }

    /** The data set as sent, {@code Address(raw)}. */
    public String text() {
        return address.text() + "(" + raw + ")";
    }

    @Override
    public String toString() {
        return text();
    }
}
