package io.meterbridge.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.meter.Frames;
import io.meterbridge.meter.Normalizer;
import io.meterbridge.meter.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The discovery payloads of real telegrams — the three Kamstrup ones and every libmbus test
 * frame, heat meters through the Kamstrup or generic heat profile, the rest as generic meters —
 * normalised and held against Home Assistant's rules.
 */
class NormalisedPayloadsTest {

    static final DeviceDiscovery DISCOVERY = new DeviceDiscovery(DiscoveryConfig.defaults("1.0.0"));
    static final Normalizer NORMALIZER = new Normalizer(new BigDecimal("35.17"));
    static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");

    static Stream<String> telegrams() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Stream<String> kamstrup = Stream.of("multical303-heat", "multical303-heat-cooling", "multical403-heat")
                .map(n -> {
                    try {
                        return json.readTree(Frames.resource("kamstrup/" + n + ".json")).get("hex").asText();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        Stream<String> libmbus = Frames.libmbusTestFrames().stream()
                .map(n -> Frames.resource("libmbus/test-frames/" + n + ".hex"));
        return Stream.concat(kamstrup, libmbus);
    }

    @ParameterizedTest
    @MethodSource("telegrams")
    void payloadOfEveryTelegramPassesHomeAssistantRules(String hex) throws Exception {
        Reading r = NORMALIZER.normalize(Frames.decode(hex), Frames.address(hex), AT);
        Publication config = DISCOVERY.meterConfig(r, null);
        assertEquals(List.of(), HomeAssistantRules.violations(config), config.payload());
        JsonNode state = new ObjectMapper().readTree(DISCOVERY.state(r).payload());
        for (JsonNode c : new ObjectMapper().readTree(config.payload()).get("cmps")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("get\\('([a-z0-9_]+)'")
                    .matcher(c.get("value_template").asText());
            assertTrue(m.find(), c.toString());
            String key = m.group(1);
            assertTrue(state.has(key), key + " missing from state " + state);
        }
    }
}
