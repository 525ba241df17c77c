package io.meterbridge.camel.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's route reload, made safe: Camel's own {@link RouteWatcherReloadStrategy} removes the
 * running routes before it parses the edited file, so one typo stops the meters being read. This
 * strategy first parses and builds the route models of every changed file; only if all of them
 * are valid does it hand over to Camel's reload. Otherwise it logs
 * {@code file:line:column: problem} at ERROR and leaves the running routes alone; fixing the file
 * triggers the next reload.
 *
 * <p>Editors often save by truncating a file and writing it again, and the watcher can fire in
 * between; so a changed file is read only once its size and modification time have stopped
 * changing and it is not empty (waiting at most {@link #SETTLE_LIMIT_MS}).
 */
final class ValidatingRouteReloadStrategy extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatingRouteReloadStrategy.class);
    static final long SETTLE_STEP_MS = 100;
    static final long SETTLE_LIMIT_MS = 2000;

    private final AtomicReference<RouteFileException> lastRejected = new AtomicReference<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    ValidatingRouteReloadStrategy(String directory, String pattern) {
        super(directory, false);
        setPattern(pattern);
        setRemoveAllRoutes(true);
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        List<Resource> candidates = new ArrayList<>();
        if (resources != null) {
            candidates.addAll(resources);
        }
        for (Resource resource : candidates) {
            awaitSettled(resource);
            try {
                validate(resource);
            } catch (Exception e) {
                RouteFileException explained = RouteFileException.explain(e, id -> null)
                        .orElseGet(() -> new RouteFileException(resource.getLocation(), 0,
                                resource.getLocation() + ": " + e.getMessage(), e));
                lastRejected.set(explained);
                rejected.incrementAndGet();
                LOG.error("Not reloading routes, the running routes stay: {}", explained.getMessage());
                return;
            }
        }
        super.onRouteReload(resources, removeEverything);
        accepted.incrementAndGet();
    }

    private static void awaitSettled(Resource resource) {
        String location = resource.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return;
        }
        Path file = Path.of(location.substring("file:".length()));
        long deadline = System.nanoTime() + SETTLE_LIMIT_MS * 1_000_000;
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            while (System.nanoTime() < deadline) {
                Thread.sleep(SETTLE_STEP_MS);
                long nowSize = Files.size(file);
                FileTime nowModified = Files.getLastModifiedTime(file);
                if (nowSize > 0 && nowSize == size && nowModified.equals(modified)) {
                    return;
                }
                size = nowSize;
                modified = nowModified;
            }
        } catch (IOException e) {
            // deleted or unreadable: validation reports it with the file's name
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void validate(Resource resource) throws Exception {
        Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(getCamelContext()).findRoutesBuilders(resource);
        for (RoutesBuilder builder : builders) {
            if (builder instanceof RouteBuilder rb) {
                // builds the route models (every step, every key) without adding them to the context
                rb.configureRoutes(getCamelContext());
            }
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
