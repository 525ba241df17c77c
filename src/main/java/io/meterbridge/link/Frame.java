package io.meterbridge.link;

/**
 * One EN 13757-2 frame (FT 1.2 format class): what travels between master and slave.
 *
 * <p>Four formats exist (EN 13757-2 clause 5): the single character {@code E5}, the short frame
 * {@code 10 C A CS 16}, the control frame (a long frame without user data) and the long frame
 * {@code 68 L L 68 C A CI data… CS 16}. Control frames are {@link LongFrame}s whose user data is
 * empty.
 */
public sealed interface Frame permits SingleCharacter, ShortFrame, LongFrame {

    /** The frame as it goes on the wire, checksum and stop byte included. */
    byte[] toBytes();

    /** Number of bytes on the wire. */
    int wireLength();
}
