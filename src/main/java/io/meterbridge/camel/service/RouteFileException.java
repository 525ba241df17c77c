package io.meterbridge.camel.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

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
     * Explains {@code e} if it (or a cause) is a route-file problem: a YAML problem by its mark; a
     * route Camel could not create by the line of the step that failed (the route's own line where
     * the step is not known) and the properties that fed that step, with their values, so that
     * {@code mbus.addresses=1,x} is found in {@code application.properties}, not in the route.
     *
     * @param ctx       the context the route was added to, for its definition (may be null)
     * @param routeFile maps a route id to the resource it was loaded from when the context no longer
     *                  knows it (may return null)
     */
    static Optional<RouteFileException> explain(Throwable e, CamelContext ctx, Function<String, Resource> routeFile) {
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
                RouteDefinition def = ctx instanceof ModelCamelContext model ? model.getRouteDefinition(routeId) : null;
                Resource resource = def != null && def.getResource() != null ? def.getResource() : routeFile.apply(routeId);
                NamedNode step = def != null ? failedStep(def, t.getMessage()) : null;
                int line = step != null && step.getLineNumber() > 0 ? step.getLineNumber()
                        : def != null ? Math.max(0, def.getLineNumber()) : 0;
                String where = (resource != null ? display(resource.getLocation()) : "a route file") + (line > 0 ? ":" + line : "");
                String fed = step != null && ctx != null ? properties(ctx, step.toString()) : "";
                return Optional.of(new RouteFileException(resource != null ? resource.getLocation() : null, line,
                        where + ": route '" + routeId + "': " + rootMessage(t) + fed, e));
            }
        }
        return Optional.empty();
    }

    /**
     * The step Camel names in its message ({@code at: >>> To[...] <<<}: the exception has no field
     * for it), or the route's input when none is named: an endpoint of the {@code from} failed.
     */
    private static NamedNode failedStep(RouteDefinition def, String message) {
        int at = message != null ? message.indexOf(" at: >>> ") : -1;
        int end = at >= 0 ? message.indexOf(" <<< ", at) : -1;
        if (end < 0) {
            return def.getInput();
        }
        String label = message.substring(at + " at: >>> ".length(), end);
        return find(def.getOutputs(), label);
    }

    private static NamedNode find(List<ProcessorDefinition<?>> steps, String label) {
        for (ProcessorDefinition<?> step : steps) {
            if (label.equals(step.toString())) {
                return step;
            }
            NamedNode inner = find(step.getOutputs(), label);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** {@code " (from mbus.addresses=1,x)"} for the placeholders in a step's text, or "". */
    private static String properties(CamelContext ctx, String raw) {
        Matcher m = PLACEHOLDER.matcher(raw);
        Set<String> keys = new LinkedHashSet<>();
        while (m.find()) {
            keys.add(m.group(1).trim());
        }
        List<String> fed = new ArrayList<>();
        for (String key : keys) {
            ctx.getPropertiesComponent().resolveProperty(key).ifPresent(v -> fed.add(key + "=" + v));
        }
        return fed.isEmpty() ? "" : " (from " + String.join(", ", fed) + ")";
    }

    /** {@code {{key}}}, {@code {{key:default}}}, {@code {{enabled:key}}} is a function, not a key. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(?!enabled:)([A-Za-z0-9_.-]+)(?::[^}]*)?}}");

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
    }

    /** {@code file:/home/pi/routes/a.yaml} → {@code /home/pi/routes/a.yaml}. */
    static String display(String location) {
        if (location == null) {
            return "a route file";
        }
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
