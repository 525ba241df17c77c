package io.meterbridge.camel.reading;

import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;

/**
 * Meters read through their optical eye run on a battery, and every wake-up and read costs some
 * of it (Landis+Gyr's figure for its own optical readout: about 30 minutes of battery life a
 * read): a schedule faster than every 15 minutes says so once, when its consumer is made. A cron
 * schedule is the user's considered choice and is not second-guessed; a mains-powered meter may
 * be polled as fast as the protocol allows, with the warning.
 */
public final class BatterySchedule {

    /** The fastest schedule that does not warn. */
    public static final long BATTERY_FRIENDLY_MILLIS = 15 * 60_000L;

    private BatterySchedule() {
    }

    /** Warns on {@code log} if {@code endpoint} polls with a fixed delay under 15 minutes. */
    public static void warnIfDraining(ScheduledPollEndpoint endpoint, Logger log) {
        boolean fixedDelay = endpoint.getScheduler() == null || "none".equals(endpoint.getScheduler());
        long every = endpoint.getTimeUnit().toMillis(endpoint.getDelay());
        if (fixedDelay && every < BATTERY_FRIENDLY_MILLIS) {
            log.warn("{} reads a meter through its optical eye every {} s: every read costs the meter's battery; poll "
                    + "every 15 minutes or slower (delay=1h is usual) unless the meter is mains-powered",
                    URISupport.sanitizeUri(endpoint.getEndpointUri()), every / 1000.0);
        }
    }
}
