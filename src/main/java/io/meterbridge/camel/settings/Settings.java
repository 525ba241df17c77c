package io.meterbridge.camel.settings;

import static io.meterbridge.camel.settings.Setting.optional;
import static io.meterbridge.camel.settings.Setting.required;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meterbridge.camel.settings.SettingType.Addresses;
import io.meterbridge.camel.settings.SettingType.Choice;
import io.meterbridge.camel.settings.SettingType.FileName;
import io.meterbridge.camel.settings.SettingType.Id;
import io.meterbridge.camel.settings.SettingType.JdbcUrl;
import io.meterbridge.camel.settings.SettingType.Key;
import io.meterbridge.camel.settings.SettingType.Keys;
import io.meterbridge.camel.settings.SettingType.Link;
import io.meterbridge.camel.settings.SettingType.Millis;
import io.meterbridge.camel.settings.SettingType.Parsed;
import io.meterbridge.camel.settings.SettingType.Port;
import io.meterbridge.camel.settings.SettingType.Positive;
import io.meterbridge.camel.settings.SettingType.Text;
import io.meterbridge.camel.settings.SettingType.Topic;
import io.meterbridge.camel.settings.SettingType.Whole;
import io.meterbridge.camel.settings.SettingType.Zone;
import io.meterbridge.homeassistant.HomeAssistantVersion;
import io.meterbridge.p1.P1Version;

/**
 * Every setting meterbridge reads, with the values it takes. What each one does is documented
 * beside its default in {@code meterbridge-defaults.properties} and in the README; keys whose
 * default is written in a shipped route ({@code {{p1.baudRate:115200}}}) are documented there.
 * Keys under {@code camel.} are Camel's own and are checked by Camel.
 */
public final class Settings {

    /** The M-Bus master baud rates EN 13757-2 allows (300 to 38400 Bd). */
    private static final Choice MBUS_BAUD = Choice.of("300", "600", "1200", "2400", "4800", "9600", "19200", "38400");

    private static final List<Setting> ALL = List.of(
            optional("mbus.bus", new Port(List.of("sim", "sim:paced"), true)),
            required("mbus.addresses", new Addresses()),
            required("mbus.poll", new Millis(100)),
            required("mbus.baud", MBUS_BAUD),
            optional("meter.gasCalorificValue", new Positive()),
            required("output.dir", new Text()),
            required("jsonl.fileName", new FileName()),
            required("csv.fileName", new FileName()),
            required("csv.columns", new Keys()),
            required("p1.csv.fileName", new FileName()),
            required("p1.csv.columns", new Keys()),
            optional("mqtt.url", new Link(List.of("tcp", "ssl", "ws", "wss"))),
            optional("mqtt.clientId", new Text()),
            optional("mqtt.username", new Text()),
            optional("mqtt.password", new Text()).hidden(),
            required("mqtt.topicPrefix", new Topic()),
            required("mqtt.availabilityTopic", new Topic()),
            required("mqtt.homeAssistantStatusTopic", new Topic()),
            required("mqtt.qos", Choice.of("1", "2")),
            required("mqtt.maxReconnectSeconds", new Whole(1, 3600)),
            required("mqtt.connectionTimeoutSeconds", new Whole(1, 300)),
            optional("http.url", new Link(List.of("http", "https"))),
            optional("influxdb.url", new Link(List.of("http", "https"))),
            optional("influxdb.token", new Text()).hidden(),
            optional("kafka.brokers", new Parsed("bootstrap servers host:port, comma-separated", Settings::kafkaBrokers)),
            required("kafka.topic", new Parsed("a Kafka topic: letters, digits, ., _ and -", Settings::kafkaTopic)),
            optional("kafka.securityProtocol", Choice.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")),
            optional("kafka.saslMechanism", Choice.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER")),
            optional("kafka.saslJaasConfig", new Text()).hidden(),
            required("http.status.enabled", Choice.of("true", "false")),
            required("http.status.bind", new Parsed("an IP address (127.0.0.1, 0.0.0.0, ::) or a host name of this machine",
                    Settings::address)),
            required("http.status.port", new Whole(0, 65535)),
            optional("http.status.token", new Text()).hidden(),
            required("homeassistant.enabled", Choice.of("true", "false")),
            required("homeassistant.discoveryPrefix", new Topic()),
            required("homeassistant.bridgeId", new Id()),
            required("homeassistant.bridgeName", new Text()),
            optional("homeassistant.pollInterval", new Millis(100)),
            required("homeassistant.expireAfterPolls", new Whole(1, 1000)),
            required("homeassistant.offlineAfterFailedPolls", new Whole(1, 1000)),
            optional("homeassistant.p1OfflineAfter", new Millis(100)),
            required("homeassistant.registry", new Text()),
            required("homeassistant.version", new Parsed("a Home Assistant Core release such as 2024.11", HomeAssistantVersion::parse)),
            optional("optical.port", new Port(List.of("sim:kmp:*", "sim:iec62056:*"), false)),
            optional("optical.protocol", Choice.of("kmp", "iec62056")),
            optional("optical.poll", new Millis(100)),
            optional("optical.model", new Text()),
            optional("optical.registers", new Parsed("KMP registers by name or id, such as E1,V1,T1,T2 or 60,68",
                    io.meterbridge.kmp.KmpRegisterList::parse)),
            optional("p1.port", new Port(p1Simulators(), false)),
            optional("p1.baudRate", Choice.of("1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200")),
            optional("p1.dataBits", Choice.of("7", "8")),
            optional("p1.parity", Choice.of("none", "even", "odd")),
            optional("p1.timeZone", new Zone()),
            optional("p1.decryptionKey", new Key(false)).hidden(),
            optional("p1.authenticationKey", new Key(true)).hidden(),
            optional("p1.livePeriod", new Whole(10, Integer.MAX_VALUE)),
            optional("p1.recordPeriod", new Whole(10, Integer.MAX_VALUE)),
            optional("p1.pollInterval", new Whole(100, Integer.MAX_VALUE)),
            optional("p1.token", new Text()).hidden(),
            optional("postgresql.url", new JdbcUrl()),
            optional("postgresql.username", new Text()),
            optional("postgresql.password", new Text()).hidden(),
            optional("cluster.zookeeper", new Parsed("ZooKeeper servers host:port, comma-separated", Settings::zookeeperServers)),
            optional("cluster.instance", new Id()),
            required("cluster.namespace", new Id()),
            required("cluster.sessionTimeoutSeconds", new Whole(2, 600)));

    /**
     * Settings that earlier versions read and this one ignores, with why: an
     * {@code application.properties} written for an earlier version still starts, with a warning.
     */
    private static final Map<String, String> RETIRED = Map.of(
            "mqtt.sessionExpirySeconds", "readings are no longer kept in an MQTT session but in the journal (at least once)",
            "mqtt.persistenceDirectory", "readings are no longer kept in an MQTT session but in the journal (at least once)");

    private static final Map<String, Setting> BY_KEY = ALL.stream().collect(Collectors.toMap(Setting::key, Function.identity()));

    private Settings() {
    }

    /** Every setting, in the order of the defaults file. */
    public static List<Setting> all() {
        return ALL;
    }

    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** Why a retired setting ({@link #RETIRED}) is no longer read, or empty if {@code key} is not one. */
    public static Optional<String> retired(String key) {
        return Optional.ofNullable(RETIRED.get(key));
    }

    /**
     * Whether the status page would be open to the network without a password: served, bound to
     * an address other than a loopback one, and no {@code http.status.token}. Never allowed.
     */
    public static boolean statusPageOpenToTheNetwork(boolean enabled, InetAddress bind, String token) {
        return enabled && !bind.isLoopbackAddress() && (token == null || token.isBlank());
    }

    /** The address a host name or IP address stands for; a name that does not resolve is not allowed. */
    public static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value.trim());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("expected an IP address or a host name of this machine, found '"
                    + value.trim() + "', which does not resolve");
        }
    }

    /** Kafka's bootstrap servers, {@code host:port,host:port}: every entry with a host and a port. */
    public static List<String> kafkaBrokers(String value) {
        return hostPorts(value, "bootstrap servers", "kafka1:9092,kafka2:9092");
    }

    /** ZooKeeper's connect string without a chroot: {@code host:port}, comma-separated. */
    public static List<String> zookeeperServers(String value) {
        return hostPorts(value, "ZooKeeper servers", "zk1:2181,zk2:2181,zk3:2181");
    }

    private static List<String> hostPorts(String value, String what, String example) {
        List<String> servers = Arrays.stream(value.split(",")).map(String::trim).toList();
        for (String b : servers) {
            int colon = b.lastIndexOf(':');
            if (colon <= 0 || !b.substring(colon + 1).matches("\\d{1,5}") || b.contains("://") || b.contains("/")) {
                throw new IllegalArgumentException("expected " + what + " host:port, comma-separated (" + example + "), found '"
                        + b + "'" + (b.contains("://") ? ", which has a scheme: give host:port only"
                        : b.contains("/") ? ", which has a path: the path is cluster.namespace" : ", which has no port"));
            }
        }
        return servers;
    }

    /** A Kafka topic name: at most 249 of letters, digits, {@code .}, {@code _} and {@code -}, and not {@code .} or {@code ..}. */
    public static String kafkaTopic(String value) {
        String topic = value.trim();
        if (!topic.matches("[A-Za-z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("expected a Kafka topic of letters, digits, ., _ and - (at most 249), found '" + topic + "'");
        }
        return topic;
    }

    /** {@code sim:DSMR_4} …: the versions the P1 simulator emits (not the catch-all OTHER_ ones). */
    private static List<String> p1Simulators() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("sim"), Arrays.stream(P1Version.values())
                .map(Enum::name).filter(n -> !n.startsWith("OTHER_")).map(n -> "sim:" + n)).toList();
    }
}
