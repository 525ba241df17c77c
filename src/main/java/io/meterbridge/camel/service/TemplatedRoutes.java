package io.meterbridge.camel.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * The routes a route file makes from route templates ({@code templatedRoute:}, such as the buses
 * of {@code routes/buses.yaml}'s {@code mbus-bus} template), which Camel's routes loader does not
 * update when the file is loaded again: on a reload the file's templated routes of its last text
 * are removed and those of its new text added. Camel keeps no link from such a route to the file
 * that asked for it, so the ids are remembered here, per file, from the start on.
 */
final class TemplatedRoutes {

    private final CamelContext context;
    private final Map<Path, List<String>> byFile = new HashMap<>();

    TemplatedRoutes(CamelContext context) {
        this.context = context;
    }

    /** The {@code templatedRoute} definitions of a route file's text. */
    List<TemplatedRouteDefinition> definitions(Resource resource) throws Exception {
        List<TemplatedRouteDefinition> out = new ArrayList<>();
        for (RoutesBuilder builder : PluginHelper.getRoutesLoader(context).findRoutesBuilders(resource)) {
            if (builder instanceof RouteBuilder rb) {
                rb.configureRoutes(context);
                out.addAll(rb.getTemplatedRouteCollection().getTemplatedRoutes());
            }
        }
        return out;
    }

    /** Remembers the templated routes {@code file} made at start (the service loaded them itself). */
    void started(Path file, List<TemplatedRouteDefinition> definitions) {
        List<String> ids = new ArrayList<>();
        for (TemplatedRouteDefinition d : definitions) {
            if (d.getRouteId() != null) {
                ids.add(d.getRouteId());
            }
        }
        if (!ids.isEmpty()) {
            byFile.put(file, ids);
        }
    }

    /** Stops and removes the templated routes {@code file} made; returns their ids. */
    List<String> remove(Path file) throws Exception {
        List<String> ids = byFile.remove(file);
        List<String> removed = new ArrayList<>();
        if (ids == null) {
            return removed;
        }
        for (String id : ids) {
            Route r = context.getRoute(id);
            if (r != null && r.isCreatedByRouteTemplate()) {
                context.getRouteController().stopRoute(id);
                context.removeRoute(id);
                removed.add(id);
            }
        }
        return removed;
    }

    /** Replaces the templated routes of {@code file} with {@code definitions}; returns the ids now running. */
    List<String> replace(Path file, List<TemplatedRouteDefinition> definitions) throws Exception {
        remove(file);
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        List<String> ids = new ArrayList<>();
        for (TemplatedRouteDefinition d : definitions) {
            model.addRouteFromTemplatedRoute(d);
            if (d.getRouteId() != null) {
                ids.add(d.getRouteId());
            }
        }
        if (!ids.isEmpty()) {
            byFile.put(file, ids);
        }
        return ids;
    }
}
