package io.meterbridge.iec62056;

import java.util.Objects;

/**
 * A complete readout: who answered, how, and the data.
 *
 * @param identification the meter's identification message
 * @param baudRate       the speed the data block came at
 * @param dataBlock      the data, BCC checked
 * @param skippedBytes   bytes received that were neither the identification nor the data block:
 *                       the echo of a half-duplex head, NULs, noise before {@code /} or STX
 */
public record Readout(Identification identification, int baudRate, DataBlock dataBlock, int skippedBytes) {

    public Readout {
        Objects.requireNonNull(identification, "identification");
        Objects.requireNonNull(dataBlock, "dataBlock");
    }

    /** The protocol mode the readout ran in. */
    public ProtocolMode mode() {
        return identification.mode();
    }
}
