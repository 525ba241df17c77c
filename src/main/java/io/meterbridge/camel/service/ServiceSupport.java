package io.meterbridge.camel.service;

import java.math.BigDecimal;
import java.util.Optional;

import io.meterbridge.camel.cluster.ClusterSettings;
import io.meterbridge.camel.cluster.ClusterSupport;
import io.meterbridge.camel.homeassistant.HomeAssistantSupport;
import io.meterbridge.camel.journal.JournalComponent;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.camel.mqtt.MqttMessageId;
import io.meterbridge.camel.mqtt.MqttSettings;
import io.meterbridge.camel.output.CsvRow;
import io.meterbridge.camel.output.DailyFiles;
import io.meterbridge.camel.postgresql.PostgresOutput;
import io.meterbridge.camel.reading.NormalizeProcessor;
import io.meterbridge.camel.status.StatusSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.PropertiesFunction;

/**
 * What the service adds to a Camel context before the routes load: the {@code {{enabled:…}}}
 * placeholder function, the beans the shipped routes use by name ({@code normalize},
 * {@code dailyFiles}, {@code csvRow}, {@code mqttMessageId}) and, when {@code mqtt.url} is set, the one
 * {@link BrokerConnection} (bean {@code mqttBroker}) whose client every {@code paho-mqtt5}
 * endpoint shares, and Home Assistant discovery on it (bean {@code homeAssistant}); when
 * {@code postgresql.url} is set, the PostgreSQL output's pool and beans ({@link PostgresOutput}).
 */
final class ServiceSupport {
    /** The registry name of the {@link BrokerConnection} (bean {@code mqttBroker}). */
    static final String BROKER_BEAN = "mqttBroker";

    private ServiceSupport() {
    }

    /**
     * @param checkOnly for {@code meterbridge check}: the beans the routes name are bound, but no
     *                  MQTT connection is made or prepared (its session files may be in use by the
     *                  running service); inert stand-ins take the names of the MQTT beans
     */
    static void customise(CamelContext ctx, boolean checkOnly) {
        PropertiesComponent pc = ctx.getPropertiesComponent();
        pc.addPropertiesFunction(new EnabledFunction(pc));
        ctx.getRegistry().bind("dailyFiles", new DailyFiles());
        ctx.getRegistry().bind("csvRow", new CsvRow());
        ctx.getRegistry().bind("mqttMessageId", new MqttMessageId());
        String calorific = pc.resolveProperty("meter.gasCalorificValue").orElse("").trim();
        ctx.getRegistry().bind("normalize", new NormalizeProcessor(calorific.isEmpty() ? null : new BigDecimal(calorific)));
        // before the routes are made: their bus elections need the cluster service
        if (!checkOnly) {
            ClusterSettings cluster = ClusterSettings.from(key -> optional(pc, key).orElse(null));
            ClusterSupport.install(ctx, cluster, optional(pc, "cluster.instance").isPresent());
        }
        String url = pc.resolveProperty("mqtt.url").orElse("").trim();
        BrokerConnection broker = null;
        if (!url.isEmpty() && checkOnly) {
            Processor notRunning = exchange -> {
                throw new IllegalStateException("meterbridge check starts no route");
            };
            ctx.getRegistry().bind(BROKER_BEAN, notRunning);
        } else if (!url.isEmpty()) {
            broker = new BrokerConnection(mqttSettings(pc, url), ctx.getExecutorServiceManager());
            ctx.getRegistry().bind(BROKER_BEAN, broker);
            ctx.getComponent("paho-mqtt5", PahoMqtt5Component.class).setClient(broker.client());
            // readings waiting in a journal go as soon as the broker is back, not at the end of a back-off
            JournalComponent journals = ctx.getComponent("journal", JournalComponent.class);
            broker.onConnected(c -> journals.wakeUpAll());
            try {
                ctx.addService(broker, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the MQTT connection to " + url + ": " + e.getMessage(), e);
            }
        }
        // beans postgresqlDataSource, postgresqlSchema, postgresqlRow when postgresql.url is set: a
        // lazy pool, so neither the service's start nor meterbridge check connects
        PostgresOutput.install(ctx);
        // bean homeAssistant: discovery, states and availability on the same connection (no-op without it)
        HomeAssistantSupport.install(ctx, broker, MeterbridgeService.version());
        if (!checkOnly) {
            // the status page, /health and /metrics (http.status.*)
            StatusSupport.install(ctx, broker, MeterbridgeService.version());
        }
    }

    /** The {@code mqtt.*} settings; their defaults are in {@code meterbridge-defaults.properties}. */
    static MqttSettings mqttSettings(PropertiesComponent pc, String url) {
        // the one default that cannot be written in the defaults file: it depends on the machine
        String clientId = optional(pc, "mqtt.clientId").orElse("meterbridge-" + ClusterSettings.hostName());
        return new MqttSettings(url, clientId,
                optional(pc, "mqtt.username").orElse(null),
                optional(pc, "mqtt.password").orElse(null),
                required(pc, "mqtt.availabilityTopic"),
                optional(pc, "mqtt.homeAssistantStatusTopic").orElse(""),
                Integer.parseInt(required(pc, "mqtt.qos")),
                Integer.parseInt(required(pc, "mqtt.maxReconnectSeconds")),
                Integer.parseInt(required(pc, "mqtt.connectionTimeoutSeconds")));
    }

    private static Optional<String> optional(PropertiesComponent pc, String key) {
        return pc.resolveProperty(key).filter(v -> !v.isBlank()).map(String::trim);
    }

    /** A key the defaults file sets (checked by SettingsCheck before the routes load). */
    private static String required(PropertiesComponent pc, String key) {
        return optional(pc, key).orElseThrow(() -> new IllegalStateException(key + " is not set (its default is in meterbridge-defaults.properties)"));
    }

    /**
     * {@code {{enabled:mqtt.url}}} is {@code true} when the property {@code mqtt.url} is set to
     * something other than blanks, {@code false} otherwise: an output route's
     * {@code precondition}, so the route exists only when its URL is configured.
     */
    static final class EnabledFunction implements PropertiesFunction {
        private final PropertiesComponent pc;

        EnabledFunction(PropertiesComponent pc) {
            this.pc = pc;
        }

        @Override
        public String getName() {
            return "enabled";
        }

        @Override
        public String apply(String remainder) {
            String key = remainder.trim();
            return Boolean.toString(pc.resolveProperty(key).filter(v -> !v.isBlank()).isPresent());
        }
    }
}
