package io.meterbridge.link;

/** The bus cannot be used: no such port, busy, unplugged, refused connection. The message says what to try. */
public class PortUnavailableException extends MBusException {

    private static final long serialVersionUID = 1L;
    private final String port;

    public PortUnavailableException(String port, String problem, String hint, Throwable cause) {
        super(port + ": " + problem + (hint == null || hint.isEmpty() ? "" : "; " + hint), null, cause);
        this.port = port;
    }

    public PortUnavailableException(String port, String problem, String hint) {
        this(port, problem, hint, null);
    }

    /** The port named in the bus settings. */
    public String port() {
        return port;
    }
}
