package io.meterbridge.telegram;

/**
 * User data that a master sends to a slave (SND_UD): recognised by its CI field so that it is
 * never misread as a meter's response (EN 13757-3 table 2).
 *
 * @param type what the master asks
 * @param selection the secondary address selected (wildcards kept), for {@link Type#SELECTION};
 *     otherwise {@code null}
 * @param baudRate the new baud rate for {@link Type#SET_BAUD_RATE}, otherwise 0
 * @param parameters the user data bytes after the CI field (records of a data send are also
 *     decoded into {@link Telegram#records()})
 */
public record MasterRequest(Type type, SecondaryAddress selection, int baudRate, byte[] parameters) {

    /** The kind of request, by CI field. */
    public enum Type {
        /** CI 0x50: application reset, optionally with a sub-code. */
        APPLICATION_RESET,
        /** CI 0x51: data send (write records, set primary/secondary address, readout selection). */
        DATA_SEND,
        /** CI 0x52: selection of a slave by secondary address. */
        SELECTION,
        /** CI 0x54: synchronise action. */
        SYNCHRONIZE,
        /** CI 0x55/0x56: data send / selection, mode 2 (MSB first), old user-group table. */
        MODE2,
        /** CI 0xB8–0xBF: set baud rate. */
        SET_BAUD_RATE
    }
}
