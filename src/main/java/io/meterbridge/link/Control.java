package io.meterbridge.link;

/** C-field values and bits of EN 13757-2 (clause 5.4) used by master and slave. */
public final class Control {

    /** Link reset; the slave answers E5 and expects FCB=1 in its next FCV=1 frame. */
    public static final int SND_NKE = 0x40;
    /** Send user data (FCV set; add {@link #FCB}). */
    public static final int SND_UD = 0x53;
    /** Request class 2 data (FCV set; add {@link #FCB}). */
    public static final int REQ_UD2 = 0x5B;
    /** Request class 1 (alarm) data (FCV set; add {@link #FCB}). */
    public static final int REQ_UD1 = 0x5A;
    /** Status request (no FCV). */
    public static final int REQ_SKE = 0x49;
    /** Slave's user data response, ACD and DFC clear. */
    public static final int RSP_UD = 0x08;
    /** Slave's status response. */
    public static final int RSP_SKE = 0x0B;

    /** Frame count bit (master to slave); access demand (ACD) from a slave. */
    public static final int FCB = 0x20;
    /** Frame count valid (master to slave); data flow control (DFC) from a slave. */
    public static final int FCV = 0x10;
    /** Primary message: set in every frame from the master. */
    public static final int PRM = 0x40;

    /** Primary address of the slave selected by secondary address. */
    public static final int ADDRESS_NETWORK_LAYER = 253;
    /** Broadcast that every slave answers. */
    public static final int ADDRESS_BROADCAST_REPLY = 254;
    /** Broadcast that no slave answers. */
    public static final int ADDRESS_BROADCAST_NO_REPLY = 255;
    /** Highest primary address a meter may have. */
    public static final int ADDRESS_MAX_PRIMARY = 250;

    private Control() {
    }

    /** True if a slave's C field is an RSP_UD, whatever its ACD and DFC bits. */
    public static boolean isRspUd(int control) {
        return (control & ~(FCB | FCV)) == RSP_UD;
    }
}
