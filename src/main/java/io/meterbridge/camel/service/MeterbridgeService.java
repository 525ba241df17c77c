package io.meterbridge.camel.service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.meterbridge.camel.settings.InvalidSettingsException;
import io.meterbridge.camel.settings.SettingProblem;
import io.meterbridge.camel.settings.SettingsCheck;

import org.apache.camel.CamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger("meterbridge");

    private final Path home;
    private final Map<String, String> overrides;
    private final boolean reload;
    private final Map<String, Object> beans = new LinkedHashMap<>();
    private Main main;
    private RouteFileReloader reloader;
    /** The keys the user set, with where: for messages that name the place. */
    private final Map<String, String> given = new LinkedHashMap<>();

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
     * and {@code mqttMessageId}.
     */
    public synchronized MeterbridgeService bind(String name, Object bean) {
        if (main != null) {
            throw new IllegalStateException("bind beans before start()");
        }
        beans.put(name, bean);
        return this;
    }

    /**
     * Checks the settings, starts Camel and returns once every route is running.
     *
     * @throws InvalidSettingsException a setting that is not allowed (nothing was started)
     * @throws RouteFileException       a route file that does not load, or no route file at all
     */
    public synchronized CamelContext start() throws Exception {
        if (main != null) {
            throw new IllegalStateException("already started");
        }
        Main m = prepare(false);
        try {
            m.start();
        } catch (Exception e) {
            try {
                m.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw explain(e, m.getCamelContext());
        }
        main = m;
        LOG.info("{}", ServiceSummary.of(m.getCamelContext(), version(), home));
        return m.getCamelContext();
    }

    /**
     * {@code meterbridge check}: checks the settings and every route file as {@link #start} would,
     * and creates every endpoint the routes use (so an unknown option, a missing bean or a bad
     * value is found), without starting a route: no port, broker or file is opened.
     *
     * @return how many routes would run
     */
    public int check() throws Exception {
        Main m = prepare(true);
        try {
            m.init();
            return RouteCheck.createEndpoints(m.getCamelContext());
        } catch (Exception e) {
            throw explain(e, m.getCamelContext());
        }
    }

    private Main prepare(boolean checkOnly) throws Exception {
        Path routes = home.resolve("routes");
        Path properties = home.resolve("application.properties");
        Map<Path, String> routeTexts = RouteFileReloader.snapshot(routes);
        if (routeTexts.isEmpty()) {
            throw new RouteFileException(null, 0, routes + ": no route files (*.yaml), so nothing would run; "
                    + "copy the shipped routes/ directory there, or use --home with the directory that has them", null);
        }
        Set<String> routeKeys = SettingsCheck.routeKeys(routes);
        given.clear();
        given.putAll(SettingsCheck.keysWithLines(properties));
        overrides.keySet().forEach(k -> given.put(k, "command line (-D)"));
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
        if (reload && !checkOnly) {
            reloader = new RouteFileReloader(routes, routeTexts);
        }
        m.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext ctx = configured.getCamelContext();
                PropertiesComponent pc = ctx.getPropertiesComponent();
                SettingsCheck settings = new SettingsCheck(pc::resolveProperty, given, System.getenv(), routeKeys);
                try {
                    settings.verify();
                } catch (InvalidSettingsException e) {
                    throw new SettingsRejected(e);
                }
                settings.retiredInUse().forEach(LOG::warn);
                ServiceSupport.customise(ctx, checkOnly);
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
        return m;
    }

    /** Carries the settings' problems out of Camel's listener, which may not throw checked exceptions. */
    private static final class SettingsRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettingsRejected(InvalidSettingsException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Exception explain(Exception e, CamelContext ctx) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingsException invalid) {
                return invalid;
            }
            if (t instanceof PropertyBindingException binding && binding.getOptionPrefix() != null) {
                // a camel.* key of application.properties that Camel cannot apply
                String key = binding.getOptionPrefix().replaceAll("\\.$", "") + "." + binding.getOptionKey();
                String where = given.getOrDefault(key, "settings");
                Throwable cause = binding.getCause();
                String why = cause != null && cause.getMessage() != null ? cause.getMessage()
                        : "Camel has no option '" + binding.getPropertyName() + "' there";
                return new InvalidSettingsException(List.of(new SettingProblem(key, where,
                        key + "=" + binding.getValue() + ": " + RouteFileException.rootMessage(new Exception(why)))));
            }
        }
        return RouteFileException.explain(e, ctx, id -> routeResource(ctx, id)).map(Exception.class::cast).orElse(e);
    }

    /** meterbridge's version, from the JAR's manifest. */
    public static String version() {
        String v = MeterbridgeService.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
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
            java.time.Duration up = main.getCamelContext().getUptime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            // PT1H2M3S -> 1h2m3s
            LOG.info("meterbridge stopping after {} of running", up.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
            try {
                main.stop();
            } finally {
                main = null;
                LOG.info("meterbridge stopped");
            }
        }
    }
}
