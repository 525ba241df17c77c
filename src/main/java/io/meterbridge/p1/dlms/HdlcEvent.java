package io.meterbridge.p1.dlms;

/**
 * What {@link HdlcFramer} found in the byte stream: a checked frame ({@link HdlcFrame}), a
 * complete APDU (one frame's, or reassembled from segments: {@link Apdu}), or bytes it discarded
 * ({@link HdlcDropped}), as {@link io.meterbridge.p1.P1FramerEvent} does for DSMR text.
 */
public sealed interface HdlcEvent permits HdlcFrame, Apdu, HdlcDropped {

    /** Stream offset of the event's first byte. */
    long offset();
}
