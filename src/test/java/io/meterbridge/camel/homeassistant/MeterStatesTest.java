package io.meterbridge.camel.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.link.BusStatistics;
import io.meterbridge.meter.ElectricityReading;
import io.meterbridge.meter.HeatReading;
import io.meterbridge.meter.KamstrupExpected;
import io.meterbridge.meter.MeterIdentity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of Home Assistant's view of the meters, without a broker, Camel or a clock: each event
 * is given its time, and the messages it returns are what would be published.
 */
class MeterStatesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long T0 = 1_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final String K403 = "kam_77447744";
    static final String CONFIG_403 = "homeassistant/device/meterbridge_" + K403 + "/config";
    static final String AVAIL_403 = "meterbridge/" + K403 + "/availability";
    static final String STATE_403 = "meterbridge/" + K403 + "/state";
    static final String INFO = "meterbridge/bridge/info";
    static final Source BUS_74 = new Source("mbus://sim", "74");

    /** Routes as a test sets them: the mbus: delay (null: none), and no bus open. */
    static final class FixedRoutes implements MeterStates.Routes {
        Duration delay = Duration.ofMinutes(1);

        @Override
        public Optional<Duration> longestPollDelay() {
            return Optional.ofNullable(delay);
        }

        @Override
        public Optional<BusStatistics> busStatistics() {
            return Optional.empty();
        }
    }

    final FixedRoutes routes = new FixedRoutes();
    final MeterRegistry registry = MeterRegistry.inMemory();
    final MeterStates states = new MeterStates(HomeAssistantSettings.from(DefaultProperties.with(
            Map.of("homeassistant.registry", "unused.json"))), "1.0", Instant.EPOCH, registry, routes);

    @Test
    void aPolledMeterIsOfflineAfterThreeFailedPollsInARowAndOnlineOnTheNextGoodRead() throws Exception {
        List<Outgoing> first = states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        assertEquals(List.of(CONFIG_403, AVAIL_403, STATE_403, INFO), topics(first));
        assertEquals("online", payload(first, AVAIL_403));
        assertEquals(T0 + SECOND, message(first, STATE_403).notBeforeNanos(), "the state waits for the new config");
        assertEquals(Set.of(K403), registry.meters().keySet(), "a new meter is remembered");
        assertEquals(Set.of(K403), states.meterKeys());

        List<Outgoing> again = states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0 + 60 * SECOND);
        assertEquals(List.of(STATE_403, INFO), topics(again), "no config or availability when nothing changed");
        assertEquals(0, message(again, STATE_403).notBeforeNanos());

        for (int i = 1; i <= 2; i++) {
            assertEquals(List.of(INFO), topics(states.failedPoll(BUS_74, new java.io.IOException("no reply"), T0 + i)),
                    "still online after " + i + " failed polls");
        }
        List<Outgoing> third = states.failedPoll(BUS_74, null, T0 + 3);
        assertEquals(List.of(AVAIL_403, INFO), topics(third));
        assertEquals("offline", payload(third, AVAIL_403));
        JsonNode info = JSON.readTree(payload(third, INFO));
        assertEquals(5, info.get("polls").asLong());
        assertEquals(3, info.get("failed_polls").asLong());
        assertEquals(0, info.get("meters_online").asInt());
        assertEquals(1, info.get("meters_configured").asInt());
        assertEquals(List.of(INFO), topics(states.failedPoll(BUS_74, null, T0 + 4)), "offline is published once");

        List<Outgoing> back = states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0 + 120 * SECOND);
        assertEquals(List.of(AVAIL_403, STATE_403, INFO), topics(back));
        assertEquals("online", payload(back, AVAIL_403));
        assertEquals(List.of(INFO), topics(states.failedPoll(BUS_74, null, T0 + 121 * SECOND)),
                "the count starts again after a good read");
        assertEquals(List.of(INFO), topics(states.failedPoll(BUS_74, null, T0 + 122 * SECOND)));
        assertEquals(List.of(AVAIL_403, INFO), topics(states.failedPoll(BUS_74, null, T0 + 123 * SECOND)));
    }

    @Test
    void aFailedPollOfAMeterNeverReadIsOnlyCounted() throws Exception {
        List<Outgoing> o = states.failedPoll(BUS_74, null, T0);
        assertEquals(List.of(INFO), topics(o));
        assertEquals(1, JSON.readTree(payload(o, INFO)).get("failed_polls").asLong());
        assertTrue(states.meterKeys().isEmpty());
        assertTrue(registry.meters().isEmpty());
    }

    @Test
    void aValueOneTelegramLacksKeepsItsEntity() {
        HeatReading full = KamstrupExpected.multical403Heat();
        states.reading(full, BUS_74, null, T0);
        HeatReading lacking = full.toBuilder().volumeFlowM3h(null).build();
        assertEquals(List.of(STATE_403, INFO), topics(states.reading(lacking, BUS_74, null, T0 + SECOND)),
                "the config keeps volume_flow, so it is not published again");
        assertEquals(List.of(CONFIG_403, STATE_403, INFO),
                topics(states.reading(lacking, BUS_74, "Cellar", T0 + 2 * SECOND)), "a new name is a new config");
    }

    @Test
    void aP1MeterGoesOfflineWhenSilentLongerThanTheLimitOrThreeOfItsIntervals() {
        Source p1 = new Source("p1://dev/ttyUSB1", null);
        String avail = "meterbridge/isk_e0025000012345678/availability";
        for (int i = 0; i < 3; i++) {
            List<Outgoing> o = states.reading(p1Reading(), p1, null, T0 + i * 10 * SECOND);
            assertFalse(topics(o).contains(INFO), "a P1 telegram is no poll");
        }
        long last = T0 + 20 * SECOND;
        assertEquals(List.of(), topics(states.silence(last + 59 * SECOND)), "within p1OfflineAfter (1 min)");
        List<Outgoing> silent = states.silence(last + 61 * SECOND);
        assertEquals(List.of(avail), topics(silent));
        assertEquals("offline", payload(silent, avail));
        assertEquals(List.of(), topics(states.silence(last + 70 * SECOND)), "offline is published once");
        List<Outgoing> back = states.reading(p1Reading(), p1, null, last + 80 * SECOND);
        assertEquals("online", payload(back, avail));

        // a meter that sends every 30 s may be silent for 90 s
        for (int i = 1; i <= 3; i++) {
            states.reading(p1Reading(), p1, null, last + 80 * SECOND + i * 30 * SECOND);
        }
        long late = last + 170 * SECOND;
        assertTrue(topics(states.silence(late + 80 * SECOND)).isEmpty(), "three intervals of 30 s have not passed");
        assertEquals(List.of(avail), topics(states.silence(late + 91 * SECOND)));
    }

    @Test
    void aMeterNoRouteReadsIsRemovedAfterTheGraceAndForgottenOnceTheRemovalIsPublished() {
        states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        Duration grace = states.removalGrace();
        assertEquals(Duration.ofMinutes(2), grace, "two poll intervals");
        long t = T0 + SECOND;
        assertEquals(List.of(), topics(states.reconcile(Set.of(), t)), "kept for the grace");
        assertEquals(Optional.of(grace.plusMillis(10)), states.removalsDueIn(t));
        assertEquals(List.of(), topics(states.reconcile(Set.of(), t + grace.toNanos() - 1)));
        assertEquals(Set.of(K403), states.meterKeys());

        List<Outgoing> removed = states.reconcile(Set.of(), t + grace.toNanos());
        assertEquals(List.of(CONFIG_403, AVAIL_403), topics(removed));
        assertEquals(List.of("", ""), removed.stream().map(m -> m.publication().payload()).toList());
        assertTrue(removed.stream().allMatch(m -> m.publication().retain()), "empty retained: deleted");
        assertEquals(K403, removed.get(1).removes(), "the last message completes the removal");
        assertTrue(states.meterKeys().isEmpty());
        assertTrue(registry.meters().isEmpty());
        assertEquals(Set.of(K403), registry.pendingRemovals(), "published again on reconnect until acknowledged");
        assertEquals(Optional.empty(), states.removalsDueIn(t + grace.toNanos()));

        assertTrue(topics(states.announce(false, t + grace.toNanos())).contains(CONFIG_403),
                "a removal not yet acknowledged goes out with the next announcement");
        assertEquals(List.of(), states.removalPublished(K403));
        assertTrue(registry.pendingRemovals().isEmpty());
    }

    @Test
    void aMeterReadAtAnotherSourceWithinTheGraceIsKept() {
        Source renamed = new Source("mbus://dev/serial/by-id/usb-FTDI", "74");
        states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        states.reconcile(Set.of(renamed), T0 + SECOND);
        states.reading(KamstrupExpected.multical403Heat(), renamed, null, T0 + 2 * SECOND);
        assertEquals(renamed, registry.get(K403).source(), "the new source is remembered");
        List<Outgoing> later = states.reconcile(Set.of(renamed), T0 + 10 * 60 * SECOND);
        assertEquals(List.of(), topics(later));
        assertEquals(Set.of(K403), states.meterKeys());
        assertEquals(renamed, registry.get(K403).source());
    }

    @Test
    void aRouteBackWithinTheGraceStartsTheNextGraceAfresh() {
        states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        long grace = states.removalGrace().toNanos();
        states.reconcile(Set.of(), T0 + SECOND);
        states.reconcile(Set.of(BUS_74), T0 + 2 * SECOND);
        assertEquals(Optional.empty(), states.removalsDueIn(T0 + 2 * SECOND), "nothing waits once a route reads it");
        states.reconcile(Set.of(), T0 + 3 * SECOND);
        assertEquals(List.of(), topics(states.reconcile(Set.of(), T0 + SECOND + grace)),
                "the grace counts from the last time no route read it");
        assertEquals(List.of(CONFIG_403, AVAIL_403), topics(states.reconcile(Set.of(), T0 + 3 * SECOND + grace)));
    }

    @Test
    void aMeterReplacedByAnotherAtItsAddressIsForgotten() {
        states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        states.reading(KamstrupExpected.multical303Heat(), BUS_74, null, T0 + SECOND);
        assertEquals(Set.of("kam_82937133"), states.meterKeys());
        assertEquals(Set.of(K403), registry.pendingRemovals());
    }

    @Test
    void expireAfterFollowsTheRoutesPollInterval() throws Exception {
        routes.delay = null;
        List<Outgoing> first = states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        assertEquals(3 * 300 + 60, expireAfter(payload(first, CONFIG_403)), "5 minutes without a route delay");
        routes.delay = Duration.ofSeconds(1);
        List<Outgoing> followed = states.reconcile(Set.of(BUS_74), T0 + SECOND);
        assertEquals(List.of(CONFIG_403), topics(followed));
        assertEquals(3 + 60, expireAfter(payload(followed, CONFIG_403)));
        assertEquals(payload(followed, CONFIG_403), registry.get(K403).config(), "the new config is remembered");
    }

    @Test
    void homeAssistantsBirthBringsEveryConfigAndTheFreshStatesAgain() {
        states.reading(KamstrupExpected.multical403Heat(), BUS_74, null, T0);
        String bridge = "homeassistant/device/meterbridge_bridge/config";
        assertEquals(List.of(bridge, INFO, CONFIG_403, AVAIL_403), topics(states.announce(false, T0 + SECOND)),
                "a reconnect: everything retained");
        List<Outgoing> birth = states.announce(true, T0 + 2 * SECOND);
        assertEquals(List.of(bridge, INFO, CONFIG_403, AVAIL_403, STATE_403), topics(birth));
        assertEquals(T0 + 3 * SECOND, message(birth, STATE_403).notBeforeNanos(), "after the config it follows");
        // expire_after is 3 polls of 1 minute plus a minute: an older state is no state
        assertFalse(topics(states.announce(true, T0 + 241 * SECOND)).contains(STATE_403));
    }

    @Test
    void aRestartedServiceKnowsTheMetersOfTheRegistry() {
        states.reading(KamstrupExpected.multical403Heat(), BUS_74, "Cellar", T0);
        MeterStates restarted = new MeterStates(HomeAssistantSettings.from(DefaultProperties.with(
                Map.of("homeassistant.registry", "unused.json"))), "1.0", Instant.EPOCH, registry, routes);
        assertEquals(Set.of(K403), restarted.meterKeys());
        List<Outgoing> connect = restarted.announce(false, T0);
        assertTrue(payload(connect, CONFIG_403).contains("\"Cellar\""), "the last config, before any reading");
        assertFalse(topics(connect).contains(AVAIL_403), "availability unknown until the first poll");
        assertEquals(List.of(AVAIL_403, STATE_403, INFO), topics(restarted.reading(KamstrupExpected.multical403Heat(),
                BUS_74, null, T0 + SECOND)), "no new config: the registry's is the same");
    }

    static ElectricityReading p1Reading() {
        MeterIdentity id = new MeterIdentity("ISK", "Iskra", "AM550", "E0025000012345678", null, null, 0x02, null);
        return ElectricityReading.builder(id, Instant.now()).importKwh(1, new BigDecimal("1234.567"))
                .powerImportKw(new BigDecimal("0.512")).build();
    }

    static List<String> topics(List<Outgoing> o) {
        return o.stream().map(m -> m.publication().topic()).toList();
    }

    static Outgoing message(List<Outgoing> o, String topic) {
        return o.stream().filter(m -> m.publication().topic().equals(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no message on " + topic + ": " + topics(o)));
    }

    static String payload(List<Outgoing> o, String topic) {
        return message(o, topic).publication().payload();
    }

    static long expireAfter(String config) throws Exception {
        return JSON.readTree(config).at("/cmps/heat_energy/expire_after").asLong();
    }
}
