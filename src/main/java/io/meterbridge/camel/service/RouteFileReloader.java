package io.meterbridge.camel.service;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.EventHelper;
import org.apache.camel.support.FileWatcherResourceReloadStrategy;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads one route file at a time, and only that file's routes, while every other route keeps
 * running. Camel's own {@code RouteWatcherReloadStrategy} removes every route and loads all files
 * again; it then stumbles over a file with two routes (it lists the file once per route: "duplicate
 * route id") and leaves the service running with no route at all. Here an edit is a small
 * transaction on the file that changed:
 * <ol>
 * <li>the new text is parsed and its route models built: a syntax error, an unknown step or key
 * refuses the edit before anything stops;</li>
 * <li>a route id that another file already uses refuses the edit (Camel would silently replace
 * that file's route);</li>
 * <li>the file's old routes are removed and the new ones added; if Camel cannot create them (an
 * unknown endpoint option, a missing bean, a bad meter address), the last text of the file that
 * loaded is put back.</li>
 * </ol>
 * A refused edit is one ERROR line {@code file:line:column: problem}; the file's running routes
 * stay (or come back) as they were. A deleted file stops its routes. A save that changes nothing
 * (an editor writing the same bytes, the second event of one save) reloads nothing.
 *
 * <p>Editors often save by truncating a file and writing it again, or by writing a new file and
 * renaming it over the old one, and the watcher can fire in between; so a changed file is read
 * only once its size and modification time have stopped changing (waiting at most
 * {@link #SETTLE_LIMIT_MS}), and a file that vanished is looked for again after that time before
 * its routes are stopped.
 */
final class RouteFileReloader extends FileWatcherResourceReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileReloader.class);
    static final long SETTLE_STEP_MS = 100;
    static final long SETTLE_LIMIT_MS = 2000;

    /** The text of each route file as it last loaded, by its normalised path. */
    private final Map<Path, String> loaded = new HashMap<>();
    private final AtomicReference<RouteFileException> lastRejected = new AtomicReference<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private TemplatedRoutes templated;

    /**
     * @param directory the routes directory
     * @param loadedAtStart the text of each {@code *.yaml} file there as the service read it at start
     */
    RouteFileReloader(Path directory, Map<Path, String> loadedAtStart) {
        super(directory.toString(), false);
        loadedAtStart.forEach((file, text) -> loaded.put(file.toAbsolutePath().normalize(), text));
        setFileFilter(RouteFileReloader::isRouteFile);
        setResourceReload((name, resource) -> reload(Path.of(name)));
    }

    /** The text of every route file in {@code directory} now, for {@link #RouteFileReloader}. */
    static Map<Path, String> snapshot(Path directory) throws IOException {
        Map<Path, String> texts = new HashMap<>();
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (isRouteFile(file.toFile()) && Files.isRegularFile(file)) {
                        texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return texts;
    }

    private static boolean isRouteFile(File file) {
        String name = file.getName();
        // editors' temporary and backup files (.x.yaml.swp, x.yaml~, .#x.yaml) are not route files
        return name.endsWith(".yaml") && !name.startsWith(".");
    }

    @Override
    protected String startupMessage(File dir) {
        return "Route files reload when saved (directory: " + dir + ")";
    }

    /** The templated routes of each file; those made at start are learnt from the files' texts then. */
    private TemplatedRoutes templated() throws Exception {
        if (templated == null) {
            templated = new TemplatedRoutes(getCamelContext());
            for (Map.Entry<Path, String> e : loaded.entrySet()) {
                templated.started(e.getKey(), templated.definitions(ResourceHelper.fromString(location(e.getKey()), e.getValue())));
            }
        }
        return templated;
    }

    /** Brings the routes of {@code file} in line with its text on disk; never throws. */
    synchronized void reload(Path file) {
        Path path = file.toAbsolutePath().normalize();
        String shown = RouteFileException.display(location(path));
        String previous = loaded.get(path);
        try {
            Optional<String> text = settledText(path);
            if (text.isEmpty() && previous == null || text.isPresent() && text.get().equals(previous)) {
                return;
            }
            if (text.isEmpty()) {
                List<String> stopped = removeRoutesOf(path);
                stopped.addAll(templated().remove(path));
                removeRouteConfigurationsOf(path);
                loaded.remove(path);
                accepted.incrementAndGet();
                LOG.info("{} was deleted: stopped {}", shown, stopped.isEmpty() ? "no route" : String.join(", ", stopped));
                return;
            }
            Resource resource = ResourceHelper.fromString(location(path), text.get());
            checkIds(path, build(resource));
            Set<String> ids = new LinkedHashSet<>(replace(path, resource, previous));
            ids.addAll(templated().replace(path, templated().definitions(resource)));
            loaded.put(path, text.get());
            accepted.incrementAndGet();
            LOG.info("{} reloaded: {}", shown, ids.isEmpty() ? "no route to run (preconditions, or route templates only)" : String.join(", ", ids));
        } catch (Exception e) {
            RouteFileException explained = RouteFileException.explain(e, getCamelContext(), id -> null)
                    .orElseGet(() -> new RouteFileException(location(path), 0, shown + ": " + RouteFileException.rootMessage(e), e));
            lastRejected.set(explained);
            rejected.incrementAndGet();
            LOG.error("Edit not loaded, the routes of this file run as before: {}", explained.getMessage());
        }
    }

    /** Removes the file's routes and adds those of {@code resource}; on failure puts {@code previous} back. */
    private Set<String> replace(Path path, Resource resource, String previous) throws Exception {
        CamelContext ctx = getCamelContext();
        removeRoutesOf(path);
        try {
            Set<String> ids = PluginHelper.getRoutesLoader(ctx).updateRoutes(List.of(resource));
            int index = 1;
            for (String id : ids) {
                Route route = ctx.getRoute(id);
                if (route != null) {
                    EventHelper.notifyRouteReloaded(ctx, route, index++, ids.size());
                }
            }
            return ids;
        } catch (Exception failed) {
            // explained now, while the failed definitions (their lines, their properties) are still there
            RouteFileException explained = RouteFileException.explain(failed, ctx, id -> null)
                    .orElseGet(() -> new RouteFileException(location(path), 0,
                            RouteFileException.display(location(path)) + ": " + RouteFileException.rootMessage(failed), failed));
            try {
                removeRoutesOf(path);
                if (previous != null) {
                    PluginHelper.getRoutesLoader(ctx).updateRoutes(List.of(ResourceHelper.fromString(location(path), previous)));
                }
            } catch (Exception restore) {
                explained.addSuppressed(restore);
                LOG.error("{}: the previous version could not be started again either: {}",
                        RouteFileException.display(location(path)), RouteFileException.rootMessage(restore));
            }
            throw explained;
        }
    }

    /** Parses the file and builds its route models without adding them: every syntax and model error. */
    private List<RouteDefinition> build(Resource resource) throws Exception {
        List<RouteDefinition> routes = new ArrayList<>();
        Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(getCamelContext()).findRoutesBuilders(resource);
        for (RoutesBuilder builder : builders) {
            if (builder instanceof RouteBuilder rb) {
                routes.addAll(rb.configureRoutes(getCamelContext()).getRoutes());
            }
        }
        return routes;
    }

    /** Refuses route ids that another file's running routes already have. */
    private void checkIds(Path path, List<RouteDefinition> routes) throws RouteFileException {
        Set<String> seen = new LinkedHashSet<>();
        for (RouteDefinition def : routes) {
            String id = def.getRouteId();
            if (id == null) {
                continue;
            }
            if (!seen.add(id)) {
                throw new RouteFileException(location(path), lineOf(def),
                        where(path, def) + ": route id '" + id + "' is used twice in this file", null);
            }
            Route other = getCamelContext().getRoute(id);
            Path otherFile = other != null ? pathOf(other.getSourceResource()) : null;
            if (other != null && !path.equals(otherFile)) {
                throw new RouteFileException(location(path), lineOf(def), where(path, def) + ": route id '" + id
                        + "' is already used by " + (otherFile != null ? otherFile : "another route") + "; give this route another id", null);
            }
        }
    }

    private static String where(Path path, RouteDefinition def) {
        int line = lineOf(def);
        return RouteFileException.display(location(path)) + (line > 0 ? ":" + line : "");
    }

    private static int lineOf(RouteDefinition def) {
        return Math.max(0, def.getLineNumber());
    }

    private List<String> removeRoutesOf(Path path) throws Exception {
        CamelContext ctx = getCamelContext();
        List<String> ids = new ArrayList<>();
        for (Route route : List.copyOf(ctx.getRoutes())) {
            if (path.equals(pathOf(route.getSourceResource()))) {
                ids.add(route.getRouteId());
            }
        }
        for (String id : ids) {
            ctx.getRouteController().stopRoute(id);
            ctx.removeRoute(id);
        }
        return ids;
    }

    private void removeRouteConfigurationsOf(Path path) throws Exception {
        Model model = getCamelContext().getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteConfigurationDefinition def : List.copyOf(model.getRouteConfigurationDefinitions())) {
            if (path.equals(pathOf(def.getResource()))) {
                model.removeRouteConfiguration(def);
            }
        }
    }

    private static String location(Path path) {
        return "file:" + path;
    }

    private static Path pathOf(Resource resource) {
        if (resource == null || resource.getLocation() == null || !resource.getLocation().startsWith("file:")) {
            return null;
        }
        return Path.of(resource.getLocation().substring("file:".length())).toAbsolutePath().normalize();
    }

    /** The file's text once it has stopped changing, or empty if it is gone (looked for again after a pause). */
    private static Optional<String> settledText(Path file) throws IOException {
        long deadline = System.nanoTime() + SETTLE_LIMIT_MS * 1_000_000;
        try {
            long size = -1;
            FileTime modified = null;
            while (true) {
                long nowSize;
                FileTime nowModified;
                try {
                    nowSize = Files.size(file);
                    nowModified = Files.getLastModifiedTime(file);
                } catch (NoSuchFileException gone) {
                    nowSize = -1;
                    nowModified = null;
                }
                boolean stable = nowSize == size && Objects.equals(nowModified, modified);
                if (stable && nowSize > 0 || System.nanoTime() > deadline) {
                    return nowSize < 0 ? Optional.empty() : Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                }
                size = nowSize;
                modified = nowModified;
                Thread.sleep(SETTLE_STEP_MS);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The last edit that was refused, or null. */
    RouteFileException lastRejected() {
        return lastRejected.get();
    }

    long rejectedCount() {
        return rejected.get();
    }

    long acceptedCount() {
        return accepted.get();
    }
}
