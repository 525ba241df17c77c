package io.meterbridge.camel.p1;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** Logs the first event of a kind, then at most one line a minute with how many were not logged. */
final class RateLimitedLog {

    private static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger logger;
    private long last = Long.MIN_VALUE;
    private long suppressed;

    RateLimitedLog(Logger log) {
        this.logger = log;
    }

    void warn(String format, Object... args) {
        log(true, format, args);
    }

    void info(String format, Object... args) {
        log(false, format, args);
    }

    private void log(boolean warn, String format, Object... args) {
        long now = System.nanoTime();
        if (last != Long.MIN_VALUE && now - last < INTERVAL_NANOS) {
            suppressed++;
            logger.debug(format, args);
            return;
        }
        String line = suppressed == 0 ? format : format + " (" + suppressed + " more like it in the last minute)";
        if (warn) {
            logger.warn(line, args);
        } else {
            logger.info(line, args);
        }
        last = now;
        suppressed = 0;
    }
}
