package io.meterbridge.camel.reading;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that reads meters at a fixed rate, one poll per {@code delay} slot. Camel's default
 * scheduler runs a fixed-rate task on a {@code ScheduledExecutorService}, which runs every run it
 * missed back to back once a long poll ends: a read of a silent meter that takes three delays
 * would be followed by three reads at once. Polls are kept on the grid of slots instead: a run
 * that comes in a slot that already had its poll is skipped (warned the first time, then logged
 * at debug), so the next poll is the next slot's. With {@code useFixedDelay=true} or another
 * scheduler (cron, Quartz) every run polls.
 */
public abstract class MeterPollConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MeterPollConsumer.class);

    private boolean gridStarted;
    private long firstStart;
    private long lastStart;
    private long skipped;

    protected MeterPollConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public void run() {
        if (onTheGrid() && !claimSlot(System.nanoTime())) {
            return;
        }
        super.run();
    }

    @Override
    protected void doStart() throws Exception {
        synchronized (this) {
            gridStarted = false; // a restarted scheduler starts a new grid
        }
        super.doStart();
    }

    private boolean onTheGrid() {
        return !isUseFixedDelay() && getScheduler() instanceof DefaultScheduledPollConsumerScheduler && getDelay() > 0;
    }

    /**
     * True if the slot of {@code now} has had no poll yet and the last poll started at least half
     * a delay ago. A slot is centred on its scheduled time, so a run that starts late by less
     * than half a delay still counts for its own slot.
     */
    synchronized boolean claimSlot(long now) {
        long period = getTimeUnit().toNanos(getDelay());
        if (!gridStarted) {
            gridStarted = true;
            firstStart = now;
            lastStart = now;
            return true;
        }
        // a missed run that comes just before a slot's time is not that slot's poll
        if (slot(now, period) > slot(lastStart, period) && now - lastStart >= period / 2) {
            lastStart = now;
            return true;
        }
        if (skipped++ == 0) {
            LOG.warn("{}: a poll took longer than delay={} {}; the polls it overran are skipped, not run back to back",
                    URISupport.sanitizeUri(getEndpoint().getEndpointUri()), getDelay(), getTimeUnit());
        } else {
            LOG.debug("{}: poll skipped, its slot had its poll ({} skipped)",
                    URISupport.sanitizeUri(getEndpoint().getEndpointUri()), skipped);
        }
        return false;
    }

    private long slot(long at, long period) {
        return (at - firstStart + period / 2) / period;
    }
}
