package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.homeassistant.Publication;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.spi.ExecutorServiceManager;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Home Assistant messages on the bridge's one MQTT connection, one at a time and in the
 * order they were handed in, on a single thread of Camel's {@link ExecutorServiceManager} (named,
 * shut down with the context, visible to its management): a route thread reading meters never
 * waits for the broker, and a slow or absent broker never reorders a state before its config.
 *
 * <p>A message may carry a time before which it is not sent (a state right after its device's
 * config, so that Home Assistant has subscribed to the state topic when the state arrives);
 * everything behind it waits too, which keeps the order. The waiting is a scheduled run of the
 * queue, not a sleeping thread, so {@link #stop()} never waits for it.
 *
 * <p>While the broker is not connected messages are dropped: what is retained (configs,
 * availability) is kept by {@link MeterStates} and published again on the next connect; a state
 * is only worth its moment (readings themselves are kept by the service's MQTT journal).
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How long {@link #stop()} waits for the message being published. */
    private static final long STOP_MILLIS = 5000;

    private final BrokerConnection broker;
    private final ExecutorServiceManager executors;
    private final Consumer<String> removalPublished;
    private final ScheduledExecutorService executor;
    private final Queue<Outgoing> queue = new ArrayDeque<>();
    /** True while a run of the queue is submitted or scheduled: at most one, so one message at a time. */
    private boolean draining;
    private boolean stopped;

    /** {@code removalPublished} is told the meter of each {@link Outgoing#removes()} message acknowledged. */
    Outbox(BrokerConnection broker, ExecutorServiceManager executors, Consumer<String> removalPublished) {
        this.broker = broker;
        this.executors = executors;
        this.removalPublished = removalPublished;
        this.executor = executors.newSingleThreadScheduledExecutor(this, "homeassistant-publish");
    }

    /** Hands in a message, to be published after those before it and not before its time. */
    synchronized void send(Outgoing m) {
        if (stopped) {
            return;
        }
        queue.add(m);
        if (!draining) {
            draining = true;
            executor.execute(this::drain);
        }
    }

    /**
     * Stops after the message being published (interrupting Paho mid-publish would report a
     * spurious failure; after {@value #STOP_MILLIS} ms it is interrupted); messages not yet sent
     * are dropped, the retained ones are sent again on the next start.
     */
    void stop() {
        synchronized (this) {
            stopped = true;
            queue.clear();
        }
        executors.shutdownGraceful(executor, STOP_MILLIS);
    }

    /** Publishes the messages that are due, in order; a message not yet due schedules the next run. */
    private void drain() {
        while (true) {
            Outgoing t;
            synchronized (this) {
                t = queue.peek();
                if (t == null || stopped) {
                    draining = false;
                    return;
                }
                long wait = t.notBeforeNanos() - System.nanoTime();
                if (t.notBeforeNanos() != 0 && wait > 0) {
                    executor.schedule(this::drain, wait, TimeUnit.NANOSECONDS);
                    return;
                }
                queue.remove();
            }
            publish(t);
        }
    }

    private void publish(Outgoing t) {
        Publication p = t.publication();
        if (!broker.isConnected()) {
            LOG.debug("MQTT not connected; not publishing {} now", p.topic());
            return;
        }
        try {
            broker.publish(p.topic(), p.payload(), p.qos(), p.retain());
            if (t.removes() != null) {
                removalPublished.accept(t.removes());
            }
        } catch (MqttException e) {
            if (broker.isConnected()) {
                LOG.warn("could not publish {} to Home Assistant: {}", p.topic(), e.getMessage());
            } else {
                // the connection went away meanwhile (or the service is stopping): retained
                // messages are published again on the next connect
                LOG.debug("connection lost while publishing {}: {}", p.topic(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("after publishing {}: {}", p.topic(), e.toString(), e);
        }
    }
}
