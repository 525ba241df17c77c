package io.meterbridge.link;

import java.time.Instant;

/**
 * One request on the bus and what came back, for the status page's bus monitor: both in hex as
 * they went over the wire, and what they mean in EN 13757-2/-3 terms, so a user can paste a
 * telegram into an issue report and a reader can see what it is.
 *
 * @param at when the request was written
 * @param request the request's bytes in hex
 * @param requestMeaning what the request asks ({@code REQ_UD2 to 1})
 * @param answer the answer's bytes in hex, empty when nothing valid came back
 * @param answerMeaning what the answer is ({@code RSP_UD from 1: KAM 82937133, 24 records}), or what went wrong
 * @param millis from the end of writing to the end of the answer (or of waiting for it)
 */
public record FrameExchange(Instant at, String request, String requestMeaning, String answer, String answerMeaning,
        double millis) {
}
