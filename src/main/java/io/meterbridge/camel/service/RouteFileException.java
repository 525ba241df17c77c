package io.meterbridge.camel.service;

import java.util.Optional;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.spi.Resource;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * A route file that cannot be loaded, explained as {@code file:line:column: problem} so the user
 * can go straight to the place. Built from what Camel's YAML DSL throws: snakeyaml-engine's
 * {@link MarkedYamlEngineException} (syntax, unknown keys — the Camel YAML DSL deserialisers
 * extend it) carries the file and position; a {@link FailedToCreateRouteException} or
 * {@link FailedToStartRouteException} (an unknown endpoint option, an unknown bean, a consumer
 * without its required options) carries the route id, which {@code routeFile} maps back to
 * the file the route came from.
 */
public final class RouteFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    RouteFileException(String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** The route file as Camel names it ({@code file:/…/routes/x.yaml}), or null if unknown. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 if not known. */
    public int line() {
        return line;
    }

    /**
     * Explains {@code e} if it (or a cause) is a route-file problem.
     *
     * @param routeFile maps a route id to the resource it was loaded from (may return null)
     */
    static Optional<RouteFileException> explain(Throwable e, java.util.function.Function<String, Resource> routeFile) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RouteFileException rfe) {
                return Optional.of(rfe);
            }
            if (t instanceof MarkedYamlEngineException marked) {
                Mark mark = marked.getProblemMark().or(marked::getContextMark).orElse(null);
                String problem = oneLine(marked.getProblem());
                if (marked.getContext() != null && !marked.getContext().isBlank()) {
                    problem = problem + " (" + oneLine(marked.getContext()) + ")";
                }
                if (mark != null) {
                    String file = display(mark.getName());
                    return Optional.of(new RouteFileException(mark.getName(), mark.getLine() + 1,
                            file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + problem, e));
                }
                return Optional.of(new RouteFileException(null, 0, problem, e));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String routeId = t instanceof FailedToCreateRouteException c ? c.getRouteId()
                    : t instanceof FailedToStartRouteException s ? s.getRouteId() : null;
            if (routeId != null) {
                Resource resource = routeFile.apply(routeId);
                String where = resource != null ? display(resource.getLocation()) : "a route file";
                return Optional.of(new RouteFileException(resource != null ? resource.getLocation() : null, 0,
                        where + ": route '" + routeId + "': " + rootMessage(t), e));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
    }

    /** {@code file:/home/pi/routes/a.yaml} → {@code /home/pi/routes/a.yaml}. */
    private static String display(String location) {
        if (location == null) {
            return "a route file";
        }
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
