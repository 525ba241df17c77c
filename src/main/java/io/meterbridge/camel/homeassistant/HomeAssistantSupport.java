package io.meterbridge.camel.homeassistant;

import io.meterbridge.camel.mqtt.BrokerConnection;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds Home Assistant to a service's Camel context before its routes load: the
 * {@link HomeAssistantPublisher} as bean {@code homeAssistant} (doing nothing without a broker,
 * so routes may always call it), started with the context, and a watcher that compares the
 * meters with the routes shortly after the context starts and after every route change (a
 * route-file reload removes and adds routes; one comparison after they settle), and again while
 * a removal waits out its grace; and {@link PollFailures}, which reports every failed poll of an
 * {@code mbus:} consumer to it.
 */
public final class HomeAssistantSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantSupport.class);

    /** How long after the last route event the meters are compared with the routes. */
    static final long SETTLE_MILLIS = 1000;

    private HomeAssistantSupport() {
    }

    /**
     * Binds and starts the publisher.
     *
     * @param broker the bridge's MQTT connection, or null if MQTT is off
     * @param version meterbridge's version
     * @return the publisher (routes call it as bean {@value HomeAssistantPublisher#BEAN}, a {@link HomeAssistantStep})
     */
    public static HomeAssistantPublisher install(CamelContext ctx, BrokerConnection broker, String version) {
        PropertiesComponent pc = ctx.getPropertiesComponent();
        HomeAssistantSettings settings = HomeAssistantSettings.from(
                k -> pc.resolveProperty(k).filter(v -> !v.isBlank()).orElse(null));
        HomeAssistantPublisher publisher = new HomeAssistantPublisher(settings, broker, ctx, version);
        ctx.getRegistry().bind(HomeAssistantPublisher.BEAN, new HomeAssistantStep(publisher));
        try {
            ctx.addService(publisher, true, true);
            if (publisher.configured()) {
                ctx.getManagementStrategy()
                        .addEventNotifier(new RouteChanges(publisher, settings.silenceCheckPeriod()));
                ctx.getManagementStrategy().addEventNotifier(new PollFailures(publisher));
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start Home Assistant discovery: " + e.getMessage(), e);
        }
        return publisher;
    }

    /**
     * Runs {@link HomeAssistantPublisher#reconcile()} once the routes have settled after a change,
     * and {@link MeterStates#silence} every {@code silenceCheck}, on one
     * scheduled thread of Camel's {@link org.apache.camel.spi.ExecutorServiceManager} (named, and
     * shut down with the context even if this notifier is not).
     */
    static final class RouteChanges extends EventNotifierSupport {
        private final HomeAssistantPublisher publisher;
        private final Duration silenceCheck;
        private ScheduledExecutorService timer;
        private ScheduledFuture<?> pending;

        RouteChanges(HomeAssistantPublisher publisher, Duration silenceCheck) {
            this.publisher = publisher;
            this.silenceCheck = silenceCheck;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return switch (event.getType()) {
                case CamelContextStarted, RouteStarted, RouteStopped, RouteRemoved -> true;
                default -> false;
            };
        }

        @Override
        public void notify(CamelEvent event) {
            if (event.getType() != CamelEvent.Type.CamelContextStarted
                    && !getCamelContext().getStatus().isStarted()) {
                return; // start-up: wait for the context as a whole
            }
            synchronized (this) {
                if (timer == null) {
                    return;
                }
                if (pending != null) {
                    pending.cancel(false);
                }
                pending = timer.schedule(this::reconcile, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void reconcile() {
            try {
                publisher.reconcile().ifPresent(again -> {
                    synchronized (this) {
                        if (timer != null) {
                            pending = timer.schedule(this::reconcile, again.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("Home Assistant: comparing meters with the routes failed: {}", e.toString(), e);
            }
        }

        @Override
        protected void doStart() {
            timer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    "homeassistant-routes");
            long period = silenceCheck.toMillis();
            timer.scheduleWithFixedDelay(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
        }

        private void checkSilence() {
            try {
                publisher.on(MeterStates::silence);
            } catch (RuntimeException e) {
                LOG.warn("Home Assistant: checking for silent P1 meters failed: {}", e.toString(), e);
            }
        }

        @Override
        protected synchronized void doStop() {
            if (timer != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(timer);
                timer = null;
            }
        }
    }
}
