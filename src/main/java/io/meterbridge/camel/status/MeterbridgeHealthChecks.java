package io.meterbridge.camel.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.meterbridge.camel.journal.JournalBacklog;
import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.camel.mqtt.MqttConnectException;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * meterbridge's own checks on Camel's health-check API, beside Camel's checks of the context and
 * each route: all readiness checks (a bridge that is down for one of these reasons is still
 * alive, and restarting it would not help). Group {@code meterbridge}.
 */
final class MeterbridgeHealthChecks {

    static final String GROUP = "meterbridge";
    /** Share of a journal's capacity above which an output's backlog makes the bridge not ready. */
    static final double BACKLOG_LIMIT = 0.9;

    private MeterbridgeHealthChecks() {
    }

    /**
     * @param standby true while another instance polls every bus of this one (cluster.zookeeper):
     *                then reading nothing is what it should do
     */
    static List<HealthCheck> all(StatusBoard board, BridgeSources sources, Supplier<Duration> pollInterval, Clock clock,
            Instant started, BooleanSupplier standby) {
        return List.of(new Readings(board, pollInterval, clock, started, standby), new Buses(board), new Meters(board),
                new Broker(sources), new Backlog(sources));
    }

    /** Readiness base: not a liveness check. */
    private abstract static class Readiness extends AbstractHealthCheck {
        Readiness(String id) {
            super(GROUP, id);
        }

        @Override
        public boolean isLiveness() {
            return false;
        }
    }

    /** Down when no meter has been read for three poll intervals (counted from start before the first reading). */
    static final class Readings extends Readiness {
        static final int INTERVALS = 3;
        private final StatusBoard board;
        private final Supplier<Duration> pollInterval;
        private final Clock clock;
        private final Instant started;
        private final BooleanSupplier standby;

        Readings(StatusBoard board, Supplier<Duration> pollInterval, Clock clock, Instant started, BooleanSupplier standby) {
            super("readings");
            this.board = board;
            this.pollInterval = pollInterval;
            this.clock = clock;
            this.started = started;
            this.standby = standby;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Duration limit = pollInterval.get().multipliedBy(INTERVALS);
            Instant last = board.lastReading().orElse(null);
            Instant since = last != null ? last : started;
            Duration quiet = Duration.between(since, clock.instant());
            builder.detail("poll.interval", pollInterval.get().toString());
            if (last != null) {
                builder.detail("last.reading", last.toString());
            }
            if (standby.getAsBoolean()) {
                builder.message("standby: another instance polls each bus of this one (cluster.zookeeper)");
                builder.up();
            } else if (quiet.compareTo(limit) > 0) {
                builder.message((last == null ? "no meter has been read since the start " : "no meter has been read for ")
                        + quiet.toSeconds() + " s, more than " + INTERVALS + " poll intervals (" + limit.toSeconds() + " s)");
                builder.down();
            } else {
                builder.up();
            }
        }
    }

    /**
     * Down while no meter of a bus or head answers (an adapter unplugged, a gateway gone, a cable
     * cut): each route input with all its meters offline is named, with its last error.
     */
    static final class Buses extends Readiness {
        private final StatusBoard board;

        Buses(StatusBoard board) {
            super("buses");
            this.board = board;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Map<String, List<MeterView>> bySource = new LinkedHashMap<>();
            for (MeterView m : board.meters()) {
                bySource.computeIfAbsent(m.source(), s -> new ArrayList<>()).add(m);
            }
            List<String> down = new ArrayList<>();
            bySource.forEach((source, meters) -> {
                boolean silent = meters.stream().allMatch(m -> m.availability().equals("offline"));
                builder.detail(source, silent ? "down" : "up");
                if (silent) {
                    String error = meters.stream().flatMap(m -> m.polls().stream()).filter(p -> !p.ok())
                            .reduce((a, b) -> b).map(PollOutcome::error).orElse("silent");
                    down.add(source + ": none of its " + meters.size() + " meter(s) answers (" + error + ")");
                }
            });
            if (down.isEmpty()) {
                builder.up();
            } else {
                builder.message(String.join("; ", down));
                builder.down();
            }
        }
    }

    /** Down while a meter is offline, by the rule Home Assistant's availability follows; names them. */
    static final class Meters extends Readiness {
        private final StatusBoard board;

        Meters(StatusBoard board) {
            super("meters");
            this.board = board;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            List<String> offline = board.meters().stream().filter(m -> m.availability().equals("offline"))
                    .map(MeterView::key).toList();
            builder.detail("meters", board.meters().size());
            if (offline.isEmpty()) {
                builder.up();
            } else {
                builder.detail("offline", String.join(",", offline));
                builder.message("offline: " + String.join(", ", offline));
                builder.down();
            }
        }
    }

    /** Down while MQTT is configured and not connected, with why the last attempt failed. */
    static final class Broker extends Readiness {
        private final BridgeSources sources;

        Broker(BridgeSources sources) {
            super("mqtt");
            this.sources = sources;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            BrokerConnection broker = sources.broker();
            if (broker == null) {
                builder.detail("mqtt", "off").up();
                return;
            }
            builder.detail("url", broker.settings().url());
            if (broker.isConnected()) {
                builder.up();
                return;
            }
            MqttConnectException failure = broker.lastConnectFailure();
            builder.message("not connected to " + broker.settings().url()
                    + (failure != null ? ": " + failure.getMessage() : ""));
            builder.down();
        }
    }

    /** Down when an output's backlog fills most of its journal (the journal would soon refuse readings). */
    static final class Backlog extends Readiness {
        private final BridgeSources sources;

        Backlog(BridgeSources sources) {
            super("journal");
            this.sources = sources;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            StringBuilder full = new StringBuilder();
            for (JournalBacklog b : sources.backlogs()) {
                builder.detail(b.journal() + "." + b.cursor(), b.backlog());
                if (b.backlog() > b.capacity() * BACKLOG_LIMIT) {
                    full.append(full.length() == 0 ? "" : "; ").append(b.journal()).append(" through ").append(b.cursor())
                            .append(": ").append(b.backlog()).append(" of ").append(b.capacity()).append(" undelivered");
                }
            }
            if (full.length() == 0) {
                builder.up();
            } else {
                builder.message(full.toString());
                builder.down();
            }
        }
    }
}
