package io.meterbridge.iec62056;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data of a readout: every data set of the block {@code STX … ! CR LF ETX BCC}, in the order
 * sent, whether this code knows its address or not.
 *
 * @param dataSets  all data sets in order
 * @param lineCount the number of data lines before {@code !}
 * @param bcc       the block check character, checked
 */
public record DataBlock(List<DataSet> dataSets, int lineCount, int bcc) {

    public DataBlock {
        dataSets = List.copyOf(Objects.requireNonNull(dataSets, "dataSets"));
    }

    /**
     * The first data set whose address is exactly {@code address}, storage index included as
     * written: {@code "6.8"} is the current energy, {@code "6.8*01"} the one at the last set day.
     */
    public Optional<DataSet> dataSet(String address) {
        for (DataSet d : dataSets) {
            if (d.address().text().equals(address)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The data sets on one line, in order. */
    public List<DataSet> line(int lineNumber) {
        return dataSets.stream().filter(d -> d.lineNumber() == lineNumber).toList();
    }
}
