package io.meterbridge.link;

/** Several slaves answered at once (garbled bytes): two meters share an address, or a broadcast was answered. */
public class CollisionException extends MBusException {

    private static final long serialVersionUID = 1L;

    public CollisionException(String port, String address, String detail) {
        super("collision on " + port + " at address " + address + ": " + detail
                + "; more than one meter answers there — give them distinct primary addresses or use secondary "
                + "addresses", address);
    }
}
