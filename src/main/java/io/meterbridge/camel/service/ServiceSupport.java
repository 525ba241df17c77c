package io.meterbridge.camel.service;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;

import io.meterbridge.camel.homeassistant.HomeAssistantSupport;
import io.meterbridge.camel.journal.JournalComponent;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.camel.mqtt.MqttMessageId;
import io.meterbridge.camel.mqtt.MqttSessionGuard;
import io.meterbridge.camel.mqtt.MqttSettings;
import io.meterbridge.camel.output.CsvRow;
import io.meterbridge.camel.output.DailyFiles;
import io.meterbridge.camel.reading.NormalizeProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.StartupListener;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.PropertiesFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service adds to a Camel context before the routes load: the {@code {{enabled:…}}}
 * placeholder function, the beans the shipped routes use by name ({@code normalize},
 * {@code dailyFiles}, {@code csvRow}, {@code mqttMessageId}, {@code mqttSessionGuard}) and, when {@code mqtt.url} is set, the one
 * {@link BrokerConnection} (bean {@code mqttBroker}) whose client every {@code paho-mqtt5}
 * endpoint shares, and Home Assistant discovery on it (bean {@code homeAssistant}).
 */
final class ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceSupport.class);
    /** The registry name of the {@link BrokerConnection} (bean {@code mqttBroker}). */
    static final String BROKER_BEAN = "mqttBroker";
    /** The cursor of {@code routes/mqtt.yaml} in the journal of readings ({@code journal:readings?cursor=mqtt}). */
    static final String MQTT_CURSOR = "mqtt";

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
        String url = pc.resolveProperty("mqtt.url").orElse("").trim();
        BrokerConnection broker = null;
        if (!url.isEmpty() && checkOnly) {
            Processor notRunning = exchange -> {
                throw new IllegalStateException("meterbridge check starts no route");
            };
            ctx.getRegistry().bind(BROKER_BEAN, notRunning);
            ctx.getRegistry().bind("mqttSessionGuard", notRunning);
        } else if (!url.isEmpty()) {
            broker = new BrokerConnection(mqttSettings(pc, url), false);
            ctx.getRegistry().bind(BROKER_BEAN, broker);
            ctx.getRegistry().bind("mqttSessionGuard", new MqttSessionGuard(broker, 5000));
            ctx.getComponent("paho-mqtt5", PahoMqtt5Component.class).setClient(broker.client());
            // readings waiting in a journal go as soon as the broker is back, not at the end of a back-off
            JournalComponent journals = ctx.getComponent("journal", JournalComponent.class);
            broker.onConnected(c -> journals.wakeUpAll());
            // the broker has a reading (QoS 2: PUBREC): the MQTT cursor moves past it before Paho records the step
            broker.onDelivered(id -> {
                if (!journals.acknowledge(id, MQTT_CURSOR)) {
                    LOG.warn("MQTT: the broker confirmed reading {} but no open journal has it", id);
                }
            });
            try {
                ctx.addService(broker, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the MQTT connection to " + url + ": " + e.getMessage(), e);
            }
            // connect once every route runs: the journals the session's completions remove entries from are open
            BrokerConnection connection = broker;
            try {
                ctx.addStartupListener(new StartupListener() {
                    @Override
                    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                        // not yet: the routes are not running
                    }

                    @Override
                    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                        connection.connect();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException("cannot register the MQTT connection's start-up listener: " + e.getMessage(), e);
            }
        }
        // bean homeAssistant: discovery, states and availability on the same connection (no-op without it)
        HomeAssistantSupport.install(ctx, broker, MeterbridgeService.version());
    }

    static MqttSettings mqttSettings(PropertiesComponent pc, String url) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String clientId = prop(pc, "mqtt.clientId", "meterbridge-" + host.replaceAll("[^A-Za-z0-9-]", ""));
        return new MqttSettings(url, clientId,
                prop(pc, "mqtt.username", null),
                prop(pc, "mqtt.password", null),
                prop(pc, "mqtt.availabilityTopic", "meterbridge/status"),
                prop(pc, "mqtt.homeAssistantStatusTopic", "homeassistant/status"),
                Integer.parseInt(prop(pc, "mqtt.qos", "2")),
                Integer.parseInt(prop(pc, "mqtt.maxReconnectSeconds", "30")),
                Long.parseLong(prop(pc, "mqtt.sessionExpirySeconds", Long.toString(MqttSettings.DEFAULT_SESSION_EXPIRY_SECONDS))),
                Integer.parseInt(prop(pc, "mqtt.connectionTimeoutSeconds", "10")),
                prop(pc, "mqtt.persistenceDirectory", "data/mqtt"));
    }

    private static String prop(PropertiesComponent pc, String key, String fallback) {
        return pc.resolveProperty(key).filter(v -> !v.isBlank()).map(String::trim).orElse(fallback);
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
