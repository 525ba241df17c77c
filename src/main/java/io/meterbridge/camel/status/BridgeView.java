package io.meterbridge.camel.status;

import java.time.Instant;
import java.util.List;

import io.meterbridge.camel.cluster.ClusterRoles;
import io.meterbridge.camel.journal.JournalBacklog;
import io.meterbridge.link.FrameExchange;

/**
 * The whole page's data at one moment ({@code /api/status}, and each event of {@code /events}).
 *
 * @param version meterbridge's version
 * @param startedAt when the service started
 * @param now when this snapshot was taken
 * @param buses every bus and head with its counters
 * @param mqtt the broker's URL and whether it is connected, or null when MQTT is off
 * @param journal what each output has still to deliver
 * @param errors the last errors, newest first
 * @param meters every meter seen, in the order first seen
 * @param monitor the last frames on each M-Bus and through each optical head, oldest first
 * @param cluster the shared buses this instance polls and leaves to others, or null when it shares none
 */
public record BridgeView(String version, Instant startedAt, Instant now, List<BusView> buses, Mqtt mqtt,
        List<JournalBacklog> journal, List<BridgeError> errors, List<MeterView> meters, List<BusFrames> monitor,
        ClusterRoles cluster) {

    /** The bus monitor of one M-Bus ({@code mbus}) or optical head ({@code optical}). */
    public record BusFrames(String kind, String port, List<FrameExchange> frames) {
    }

    /** The MQTT connection: where to, whether it is up, and why the last attempt failed. */
    public record Mqtt(String url, boolean connected, String lastFailure) {
    }
}
