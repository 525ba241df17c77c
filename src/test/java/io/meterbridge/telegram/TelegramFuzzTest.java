package io.meterbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the decoder (Jazzer). The input is a CI byte followed by user
 * data; the seeds in {@code TelegramFuzzTestInputs/fuzz} are every frame of the libmbus and
 * Kamstrup corpus in that form. The only exception the decoder may throw is its own
 * {@link TelegramFormatException}, with an offset inside the frame; anything else (index out of
 * bounds, arithmetic, a hang past Jazzer's timeout, running out of memory) is a finding.
 *
 * <p>Under plain {@code mvn test} this replays the seeds (regression mode); the {@code fuzz}
 * surefire execution of {@code mvn verify} sets {@code JAZZER_FUZZ=1} and fuzzes for
 * {@code maxDuration}.
 */
class TelegramFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int ci = input[0] & 0xFF;
        // place the user data inside a larger array, as in a real frame, to catch reads outside [start, end)
        byte[] frame = new byte[input.length + 8];
        System.arraycopy(input, 1, frame, 7, input.length - 1);
        int start = 7;
        int end = 7 + input.length - 1;
        try {
            Telegram t = TelegramDecoder.decode(ci, frame, start, end);
            for (DataRecord r : t.records()) {
                assertTrue(r.offset() >= start && r.offset() < end, "record offset inside the user data");
                assertTrue(r.description() != null && r.unit() != null && r.value() != null, "record complete");
            }
        } catch (TelegramFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= end, () -> "offset " + e.offset() + " outside the frame");
            assertTrue(e.getMessage().startsWith("expected") || e.getMessage().contains("expected"),
                    () -> "message says what was expected: " + e.getMessage());
        }
    }
}
