package io.meterbridge.homeassistant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the bridge reports about itself on {@code <base>/bridge/info}: its version and bus
 * statistics since start, shown as diagnostic sensors of the bridge device.
 *
 * @param version meterbridge's version
 * @param startedAt when the service started
 * @param polls meter reads attempted
 * @param failedPolls meter reads that failed (after retries)
 * @param telegrams telegrams received and decoded
 * @param timeouts requests that got no answer in time
 * @param frameErrors answers rejected by the link layer (checksum, length, stop byte, parity)
 * @param retries requests repeated
 * @param metersOnline meters whose last poll succeeded
 * @param metersConfigured meters configured
 */
public record BridgeInfo(String version, Instant startedAt, long polls, long failedPolls, long telegrams,
        long timeouts, long frameErrors, long retries, int metersOnline, int metersConfigured) {

    public BridgeInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The JSON-friendly map published as the info payload; keys are those the bridge's sensors read. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("started_at", startedAt.toString());
        m.put("polls", polls);
        m.put("failed_polls", failedPolls);
        m.put("telegrams", telegrams);
        m.put("timeouts", timeouts);
        m.put("frame_errors", frameErrors);
        m.put("retries", retries);
        m.put("meters_online", metersOnline);
        m.put("meters_configured", metersConfigured);
        return m;
    }
}
