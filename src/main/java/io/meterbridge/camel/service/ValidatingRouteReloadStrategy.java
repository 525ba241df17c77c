package io.meterbridge.camel.service;

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
 */
final class ValidatingRouteReloadStrategy extends RouteWatcherReloadStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatingRouteReloadStrategy.class);

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
