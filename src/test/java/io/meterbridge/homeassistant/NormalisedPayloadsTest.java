package io.meterbridge.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.link.LongFrame;
import io.meterbridge.meter.Frames;
import io.meterbridge.meter.Normalizer;
import io.meterbridge.meter.Reading;
import io.meterbridge.sim.MeterModel;
import io.meterbridge.sim.Multical303;
import io.meterbridge.sim.Multical403;
import io.meterbridge.sim.SimBus;
import io.meterbridge.sim.SimMeter;
import io.meterbridge.telegram.Telegram;
import io.meterbridge.telegram.TelegramDecoder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The discovery payloads of real telegrams — the simulator's MULTICAL 303 and 403 (every telegram
 * of a read), the three recorded Kamstrup ones and every libmbus test frame, heat meters through
 * the Kamstrup or generic heat profile, the rest as generic meters — normalised and held against
 * Home Assistant's rules, once as announced to the oldest supported Home Assistant and once to
 * the newest whose device classes were checked.
 */
class NormalisedPayloadsTest {

    static final DiscoveryConfig CONFIG = DiscoveryConfig.defaults("1.0.0");
    static final Normalizer NORMALIZER = new Normalizer(new BigDecimal("35.17"));
    static final Instant AT = Instant.parse("2026-11-21T03:00:00Z");

    /** A simulated meter's whole read (all its telegrams), as the bus master would hand it over. */
    static Reading simulated(MeterModel model, int address, int id) throws Exception {
        SimMeter meter = new SimMeter(model, address, id, Clock.fixed(AT, ZoneOffset.UTC));
        List<Telegram> telegrams = new ArrayList<>();
        for (int i = 0; i < model.telegramCount(); i++) {
            LongFrame f = meter.telegram(i, i + 1);
            telegrams.add(TelegramDecoder.decode(f.ci(), f.data()));
        }
        return NORMALIZER.normalize(telegrams, address, AT);
    }

    static Stream<Arguments> readings() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> readings = new ArrayList<>();
        readings.add(Arguments.of("simulated MULTICAL 303", simulated(new Multical303(), 1, SimBus.ID_303)));
        readings.add(Arguments.of("simulated MULTICAL 403", simulated(Multical403.twoTelegrams(), 89, SimBus.ID_403)));
        List<String> hex = new ArrayList<>();
        for (String n : List.of("multical303-heat", "multical303-heat-cooling", "multical403-heat")) {
            hex.add(json.readTree(Frames.resource("kamstrup/" + n + ".json")).get("hex").asText());
        }
        for (String n : Frames.libmbusTestFrames()) {
            hex.add(Frames.resource("libmbus/test-frames/" + n + ".hex"));
        }
        for (String h : hex) {
            readings.add(Arguments.of(h.substring(0, Math.min(40, h.length())),
                    NORMALIZER.normalize(Frames.decode(h), Frames.address(h), AT)));
        }
        List<Arguments> out = new ArrayList<>();
        for (HomeAssistantVersion v : List.of(HomeAssistantRules.OLDEST, HomeAssistantRules.NEWEST)) {
            for (Arguments a : readings) {
                out.add(Arguments.of(v, a.get()[0], a.get()[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "Home Assistant {0}: {1}")
    @MethodSource("readings")
    void payloadOfEveryTelegramPassesHomeAssistantRules(HomeAssistantVersion ha, String telegram, Reading r)
            throws Exception {
        DeviceDiscovery discovery = new DeviceDiscovery(CONFIG.forHomeAssistant(ha));
        Publication config = discovery.meterConfig(r, null);
        assertEquals(List.of(), HomeAssistantRules.violations(config, ha), config.payload());
        JsonNode state = new ObjectMapper().readTree(discovery.state(r).payload());
        for (JsonNode c : new ObjectMapper().readTree(config.payload()).get("cmps")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("get\\('([a-z0-9_]+)'")
                    .matcher(c.get("value_template").asText());
            assertTrue(m.find(), c.toString());
            String key = m.group(1);
            assertTrue(state.has(key), key + " missing from state " + state);
        }
    }
}
