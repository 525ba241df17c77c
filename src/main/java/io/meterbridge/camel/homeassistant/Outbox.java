package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mqtt.BrokerConnection;
import io.meterbridge.homeassistant.Publication;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Home Assistant messages on the bridge's one MQTT connection, one at a time and in the
 * order they were handed in, on its own thread: a route thread reading meters never waits for
 * the broker, and a slow or absent broker never reorders a state before its config.
 *
 * <p>A message may carry a time before which it is not sent (a state right after its device's
 * config, so that Home Assistant has subscribed to the state topic when the state arrives);
 * everything behind it waits too, which keeps the order.
 *
 * <p>While the broker is not connected messages are dropped: what is retained (configs,
 * availability) is kept by the {@link HomeAssistantPublisher} and published again on the next
 * connect; a state is only worth its moment (readings themselves are kept by the service's MQTT
 * journal).
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** One message; {@code sent} runs after the broker acknowledged it (may be null). */
    record Task(Publication publication, long notBeforeNanos, Runnable sent) {
    }

    private final BrokerConnection broker;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile long dropped;

    Outbox(BrokerConnection broker) {
        this.broker = broker;
        this.worker = new Thread(this::run, "homeassistant-publish");
        worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /** Hands in a message not to be published before {@code notBeforeNanos} ({@link System#nanoTime()}). */
    void send(Publication p, long notBeforeNanos, Runnable sent) {
        queue.add(new Task(p, notBeforeNanos, sent));
    }

    /** Messages dropped because the broker was not connected or refused them. */
    long dropped() {
        return dropped;
    }

    /**
     * Stops after the message being published (interrupting Paho mid-publish would report a
     * spurious failure); messages not yet sent are dropped, the retained ones are sent again on
     * the next start.
     */
    void stop() throws InterruptedException {
        running = false;
        worker.join(5000);
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join(1000);
        }
    }

    private void run() {
        while (running) {
            Task t;
            try {
                t = queue.poll(200, TimeUnit.MILLISECONDS);
                if (t == null) {
                    continue;
                }
                long wait = t.notBeforeNanos() - System.nanoTime();
                if (t.notBeforeNanos() != 0 && wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!running) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            Publication p = t.publication();
            if (!broker.isConnected()) {
                dropped++;
                LOG.debug("MQTT not connected; not publishing {} now", p.topic());
                continue;
            }
            try {
                broker.publish(p.topic(), p.payload(), p.qos(), p.retain());
                if (t.sent() != null) {
                    t.sent().run();
                }
            } catch (MqttException e) {
                dropped++;
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
}
