package io.meterbridge.link;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link BusStatistics}; shared by the master and its frame reader. */
final class Counters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();
    final AtomicLong noiseBytes = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong checksumErrors = new AtomicLong();
    final AtomicLong frameErrors = new AtomicLong();
    final AtomicLong collisions = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong reopens = new AtomicLong();

    BusStatistics snapshot() {
        return new BusStatistics(requests.get(), frames.get(), bytesSent.get(), bytesReceived.get(), noiseBytes.get(),
                timeouts.get(), checksumErrors.get(), frameErrors.get(), collisions.get(), retries.get(),
                reopens.get());
    }
}
