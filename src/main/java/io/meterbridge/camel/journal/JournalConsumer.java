package io.meterbridge.camel.journal;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a journal's messages through its cursor ({@code cursor} option) one at a time, oldest
 * first, on one thread from Camel's ExecutorServiceManager. The cursor moves past a message only
 * after the route processed it without an unhandled exception (for the MQTT route: the broker
 * acknowledged the PUBLISH);
 * otherwise the same message is retried after a delay that doubles up to {@code maxRetryDelay},
 * and nothing behind it overtakes it.
 *
 * <p>What is guaranteed by the journal alone: every message appended is delivered at least once
 * and in order, across destination outages and restarts (graceful or not). A repeat is possible
 * where the destination received a message but its acknowledgement did not reach us (the
 * connection broke in that instant, or the process died between the acknowledgement and the
 * cursor's write). The headers {@link JournalConstants#JOURNAL_ID} and
 * {@link JournalConstants#SEQUENCE} name each message, so that a receiver can drop a repeat (the
 * MQTT route sends them as the user property {@code meterbridge-id}, the HTTP route as the
 * header {@code Meterbridge-Id}).
 */
final class JournalConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JournalConsumer.class);

    private final JournalEndpoint endpoint;
    private Journal journal;
    private String cursor;
    private ExecutorService executor;
    private volatile boolean running;

    JournalConsumer(JournalEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        journal = endpoint.journal();
        cursor = endpoint.getCursor();
        journal.openCursor(cursor);
        endpoint.getComponent().cursorOpened(journal, cursor);
        int backlog = journal.backlog(cursor);
        if (backlog > 0) {
            LOG.info("Journal {}: {} undelivered message(s) for {} from before, delivering in order", endpoint.getName(),
                    backlog, cursor);
        }
        running = true;
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "journal-" + endpoint.getName());
        executor.submit(this::deliverLoop);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (journal != null) {
            journal.wakeUp();
        }
        if (executor != null) {
            // no interrupt: the message in flight finishes (or fails) and its file is settled
            executor.shutdown();
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warn("Journal {}: delivery still busy after 20 s; stopping it", endpoint.getName());
                executor.shutdownNow();
            }
            executor = null;
        }
        super.doStop();
    }

    private void deliverLoop() {
        LegacyJournal.drain(endpoint, cursor, this::deliverAll);
        deliverAll(journal);
    }

    /** Delivers {@code from}'s messages through the cursor until stopped. */
    private void deliverAll(Journal from) {
        Journal journal = from;
        int failures = 0;
        long delay = endpoint.getRetryDelay();
        while (running) {
            Optional<JournalEntry> next;
            try {
                next = journal.poll(cursor, 1, TimeUnit.SECONDS);
                if (next.isEmpty() && journal != this.journal) {
                    return; // an earlier journal, drained
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                getExceptionHandler().handleException("Journal " + endpoint.getName() + ": cannot read the next message", e);
                sleep(endpoint.getMaxRetryDelay());
                continue;
            }
            if (next.isEmpty() || !running) {
                continue;
            }
            JournalEntry entry = next.get();
            long nudges = this.journal.nudges();
            Exception failure = deliver(journal, entry, failures);
            if (failure == null) {
                if (!advance(journal, entry.sequence())) {
                    return;
                }
                if (failures > 0) {
                    LOG.info("Journal {}: delivering again after {} failed attempt(s); {} waiting",
                            endpoint.getName(), failures, journal.backlog(cursor));
                }
                failures = 0;
                delay = endpoint.getRetryDelay();
            } else {
                failures++;
                if (failures == 1 || Long.bitCount(failures) == 1) {
                    LOG.warn("Journal {}: message {} not delivered (attempt {}), {} waiting, retrying in {} ms: {}",
                            endpoint.getName(), entry.sequence(), failures, journal.backlog(cursor), delay, failure.getMessage());
                }
                if (sleep(nudges, delay)) {
                    delay = endpoint.getRetryDelay(); // woken: the destination is back, start the back-off afresh
                } else {
                    delay = Math.min(delay * 2, endpoint.getMaxRetryDelay());
                }
            }
        }
    }

    /**
     * Moves the cursor past a delivered message, retrying while the disk refuses (full, read-only):
     * the loop must not end over it, or every later message would wait for a restart. Returns false
     * if stopped.
     */
    private boolean advance(Journal journal, long sequence) {
        for (int attempt = 1; running; attempt++) {
            try {
                journal.advance(cursor, sequence);
                return true;
            } catch (RuntimeException e) {
                if (attempt == 1 || Long.bitCount(attempt) == 1) {
                    LOG.error("Journal {}: message {} was delivered but cannot be forgotten (attempt {}); "
                            + "retrying, and a restart now would send it again: {}", endpoint.getName(), sequence,
                            attempt, e.getMessage());
                }
                sleep(endpoint.getMaxRetryDelay());
            }
        }
        return false;
    }

    /** Runs the route for one entry; returns the unhandled exception, or null when delivered. */
    private Exception deliver(Journal journal, JournalEntry entry, int failures) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(entry.headers()));
            exchange.getMessage().setHeader(JournalConstants.SEQUENCE, entry.sequence());
            exchange.getMessage().setHeader(JournalConstants.JOURNAL_ID, journal.id());
            exchange.getMessage().setHeader(JournalConstants.FAILED_ATTEMPTS, failures);
            exchange.getMessage().setHeader(JournalConstants.CURSOR, cursor);
            exchange.getMessage().setBody(entry.body());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                return exchange.getException();
            }
            if (exchange.isRollbackOnly()) {
                return new IllegalStateException("route marked the exchange rollback-only");
            }
            return null;
        } catch (Exception e) {
            return e;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Back-off before a retry; cut short by {@link Journal#wakeUp} (stopping, or the destination is back). */
    private boolean sleep(long millis) {
        return sleep(this.journal.nudges(), millis);
    }

    /** As {@link #sleep(long)}, also cut short by a wake-up since the journal's nudge count was {@code seen}. */
    private boolean sleep(long seen, long millis) {
        try {
            return this.journal.awaitNudge(seen, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
