package io.meterbridge.camel.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The meterbridge service: Apache Camel Main with the routes of {@code <home>/routes/*.yaml} and
 * the properties of {@code <home>/application.properties}.
 *
 * <p>Property precedence, strongest first: the overrides given to the constructor (tests, the
 * command line), environment variables ({@code MQTT_URL} for {@code mqtt.url}: Camel's
 * properties component upper-cases the key and turns {@code .} and {@code -} into {@code _}),
 * {@code ./application.properties}, then the built-in defaults in
 * {@code classpath:meterbridge-defaults.properties}, so that a user's file only needs the lines
 * they change.
 *
 * <p>Routes reload when a file under {@code routes/} is edited (Camel's
 * {@code RouteWatcherReloadStrategy}); a file that no longer parses is reported with its name,
 * line and problem and the routes that were running keep running. At start-up the same problem
 * is a {@link RouteFileException} and the service does not start.
 */
public final class MeterbridgeService implements AutoCloseable {

    /** The classpath defaults every installation starts from. */
    public static final String DEFAULTS = "classpath:meterbridge-defaults.properties";

    private final Path home;
    private final Map<String, String> overrides;
    private final boolean reload;
    private final Map<String, Object> beans = new LinkedHashMap<>();
    private Main main;
    private ValidatingRouteReloadStrategy reloader;

    /**
     * @param home      the directory holding {@code application.properties} and {@code routes/}
     *                  (the working directory for the real service)
     * @param overrides properties that win over everything else (may be empty)
     * @param reload    whether to watch {@code routes/} and reload edited files
     */
    public MeterbridgeService(Path home, Map<String, String> overrides, boolean reload) {
        this.home = home.toAbsolutePath().normalize();
        this.overrides = new LinkedHashMap<>(Objects.requireNonNull(overrides));
        this.reload = reload;
    }

    /**
     * Registers a bean for the routes to use by name ({@code ref: name}), before {@link #start}:
     * for embedding and tests. Beans the service makes itself: {@code normalize},
     * {@code dailyFiles}, {@code csvRow}, {@code homeAssistant}, and when MQTT is on {@code mqttBroker},
     * {@code mqttMessageId} and {@code mqttSessionGuard}.
     */
    public synchronized MeterbridgeService bind(String name, Object bean) {
        if (main != null) {
            throw new IllegalStateException("bind beans before start()");
        }
        beans.put(name, bean);
        return this;
    }

    /** Starts Camel and returns once every route is running. */
    public synchronized CamelContext start() throws Exception {
        if (main != null) {
            throw new IllegalStateException("already started");
        }
        Path routes = home.resolve("routes");
        Path properties = home.resolve("application.properties");
        Main m = new Main();
        // Camel's first location that defines a key wins: the user's file before the built-in defaults.
        m.setPropertyPlaceholderLocations("file:" + properties + ";optional=true," + DEFAULTS + ";optional=true");
        m.addOverrideProperty("meterbridge.home", home.toString());
        overrides.forEach(m::addOverrideProperty);
        m.configure()
                .withRoutesIncludePattern("file:" + routes + "/*.yaml")
                .withName("meterbridge")
                .withShutdownTimeout(10)
                .withJmxEnabled(false);
        if (reload && Files.isDirectory(routes)) {
            reloader = new ValidatingRouteReloadStrategy(routes.toString(), "*.yaml");
        }
        m.configure().addRoutesBuilder(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // keeps the context valid when routes/ is empty, so the failure names the cause
            }
        });
        m.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext ctx = configured.getCamelContext();
                ServiceSupport.customise(ctx);
                beans.forEach(ctx.getRegistry()::bind);
                if (reloader != null) {
                    try {
                        ctx.addService(reloader);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot watch " + routes + ": " + e.getMessage(), e);
                    }
                }
            }
        });
        try {
            m.start();
        } catch (Exception e) {
            try {
                m.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            CamelContext ctx = m.getCamelContext();
            throw RouteFileException.explain(e, id -> routeResource(ctx, id)).map(Exception.class::cast).orElse(e);
        }
        main = m;
        return m.getCamelContext();
    }

    private static Resource routeResource(CamelContext ctx, String routeId) {
        if (ctx == null) {
            return null;
        }
        RouteDefinition def = ((ModelCamelContext) ctx).getRouteDefinition(routeId);
        return def != null ? def.getResource() : null;
    }

    /** The last route-file edit that the reload refused (the running routes were kept), or null. */
    public RouteFileException lastRejectedReload() {
        return reloader != null ? reloader.lastRejected() : null;
    }

    /** How many route-file edits the reload refused. */
    public long rejectedReloads() {
        return reloader != null ? reloader.rejectedCount() : 0;
    }

    /** How many route-file edits were reloaded. */
    public long acceptedReloads() {
        return reloader != null ? reloader.acceptedCount() : 0;
    }

    /** The running context. */
    public synchronized CamelContext context() {
        if (main == null) {
            throw new IllegalStateException("not started");
        }
        return main.getCamelContext();
    }

    /** Resolves a property the way routes see it ({@code {{key}}}). */
    public String property(String key) {
        PropertiesComponent pc = context().getPropertiesComponent();
        return pc.resolveProperty(key).orElse(null);
    }

    @Override
    public synchronized void close() {
        if (main != null) {
            try {
                main.stop();
            } finally {
                main = null;
            }
        }
    }
}
