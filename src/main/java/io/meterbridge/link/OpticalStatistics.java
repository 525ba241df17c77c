package io.meterbridge.link;

/**
 * Counters of one optical head since it was first used.
 *
 * @param requests requests sent, retries included
 * @param answers valid answers
 * @param noAnswers requests that got no byte back in time
 * @param badAnswers answers that were not valid (CRC, BCC, format, cut short)
 * @param echoes the head's read-backs of its own requests, skipped
 * @param bytesSent bytes written to the head
 * @param bytesReceived bytes read from the head
 */
public record OpticalStatistics(long requests, long answers, long noAnswers, long badAnswers, long echoes,
        long bytesSent, long bytesReceived) {
}
