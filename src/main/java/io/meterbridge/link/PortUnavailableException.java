package io.meterbridge.link;

/** The bus cannot be used: no such port, busy, unplugged, refused connection. The message says what to try. */
public class PortUnavailableException extends MBusException {

    private static final long serialVersionUID = 1L;
    private final String port;
    private final String problem;
    private final String hint;

    public PortUnavailableException(String port, String problem, String hint, Throwable cause) {
        super(port + ": " + problem + (hint == null || hint.isEmpty() ? "" : "; " + hint), null, cause);
        this.port = port;
        this.problem = problem;
        this.hint = hint == null ? "" : hint;
    }

    public PortUnavailableException(String port, String problem, String hint) {
        this(port, problem, hint, null);
    }

    /** The port named in the bus settings. */
    public String port() {
        return port;
    }

    /** What is wrong, without the port and the hint ("is a directory, not a serial device"). */
    public String problem() {
        return problem;
    }

    /** What to try, or empty; a caller that knows better (a stream that is reopened by itself) leaves it out. */
    public String hint() {
        return hint;
    }
}
