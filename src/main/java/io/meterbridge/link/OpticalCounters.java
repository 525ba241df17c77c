package io.meterbridge.link;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters behind {@link OpticalStatistics}. */
final class OpticalCounters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong answers = new AtomicLong();
    final AtomicLong noAnswers = new AtomicLong();
    final AtomicLong badAnswers = new AtomicLong();
    final AtomicLong echoes = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();

    OpticalStatistics snapshot() {
        return new OpticalStatistics(requests.get(), answers.get(), noAnswers.get(), badAnswers.get(), echoes.get(),
                bytesSent.get(), bytesReceived.get());
    }
}
