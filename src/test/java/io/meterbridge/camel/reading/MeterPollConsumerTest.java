package io.meterbridge.camel.reading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Polls on Camel's own scheduler: one read that overruns several delays (a silent meter waiting
 * out its timeouts) must not be followed by the missed polls all at once.
 */
class MeterPollConsumerTest {

    private static final long DELAY_MILLIS = 100;

    @Test
    void aPollThatOverrunsSeveralDelaysIsNotFollowedByTheMissedPollsBackToBack() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            SlowEndpoint endpoint = new SlowEndpoint();
            endpoint.setCamelContext(context);
            List<Long> starts = new CopyOnWriteArrayList<>();
            SlowConsumer consumer = new SlowConsumer(endpoint, starts);
            consumer.setDelay(DELAY_MILLIS);
            consumer.setUseFixedDelay(false);
            consumer.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < end && starts.size() < 8) {
                Thread.sleep(20);
            }
            consumer.stop();

            List<Long> at = List.copyOf(starts);
            assertTrue(at.size() >= 4, "polls: " + at.size());
            for (int i = 1; i < at.size(); i++) {
                long gap = TimeUnit.NANOSECONDS.toMillis(at.get(i) - at.get(i - 1));
                assertTrue(gap >= DELAY_MILLIS / 2, "poll " + (i + 1) + " started " + gap + " ms after the one before: " + at);
            }
        }
    }

    @Test
    void aRunLateByLessThanHalfADelayStillHasItsSlot() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            SlowEndpoint endpoint = new SlowEndpoint();
            endpoint.setCamelContext(context);
            SlowConsumer consumer = new SlowConsumer(endpoint, new ArrayList<>());
            consumer.setDelay(DELAY_MILLIS);
            long ms = TimeUnit.MILLISECONDS.toNanos(1);
            assertTrue(consumer.claimSlot(1_000 * ms), "the first poll");
            assertTrue(consumer.claimSlot(1_140 * ms), "40 ms late for slot 1");
            assertTrue(consumer.claimSlot(1_200 * ms), "slot 2");
            assertFalse(consumer.claimSlot(1_240 * ms), "slot 2 again");
            assertTrue(consumer.claimSlot(1_560 * ms), "slot 6 after a long poll");
            assertFalse(consumer.claimSlot(1_561 * ms), "a missed run right after");
            assertFalse(consumer.claimSlot(1_640 * ms), "a missed run just before slot 7's time");
            assertTrue(consumer.claimSlot(1_700 * ms), "slot 7 on time");
        }
    }

    /** The second poll takes three and a half delays; the others return at once. */
    private static final class SlowConsumer extends MeterPollConsumer {
        private final List<Long> starts;

        SlowConsumer(SlowEndpoint endpoint, List<Long> starts) {
            super(endpoint, exchange -> { });
            this.starts = starts;
        }

        @Override
        protected int poll() throws Exception {
            starts.add(System.nanoTime());
            if (starts.size() == 2) {
                Thread.sleep(DELAY_MILLIS * 7 / 2);
            }
            return 1;
        }
    }

    private static final class SlowEndpoint extends ScheduledPollEndpoint {
        SlowEndpoint() {
            super("slow:test", null);
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException();
        }
    }
}
