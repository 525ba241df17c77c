package io.meterbridge.camel.optical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterbridge.camel.service.MeterbridgeService;
import io.meterbridge.camel.testing.HiveMqBroker;
import io.meterbridge.camel.testing.ServiceHome;
import io.meterbridge.camel.testing.Subscriber;
import io.meterbridge.kmp.KmpRegister;
import io.meterbridge.sim.Fault;
import io.meterbridge.sim.KmpEye;
import io.meterbridge.sim.KmpMeter;
import io.meterbridge.sim.OpticalSimServer;
import io.meterbridge.sim.RandomFaults;
import io.meterbridge.sim.SimTransportProvider;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code routes/optical.yaml} (with the other shipped routes, byte for byte) in the
 * real service, against the in-process KMP meter: what a user sees after setting
 * {@code optical.port}, {@code optical.protocol=kmp} and {@code optical.model=MULTICAL 403} —
 * Home Assistant discovers the meter as the same MULTICAL 403 device the wired path makes, its
 * state on a real MQTT 5 broker (HiveMQ CE) and its line in {@code readings.jsonl} carry the
 * registers the meter holds, and a head that stops getting answers makes the meter unavailable
 * after {@code homeassistant.offlineAfterFailedPolls} reads, and available again at the next good one.
 */
class OpticalServiceEndToEndTest {

    private static final String PORT = "sim:kmp:end-to-end";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path dir;

    @Test
    void aKmpMeterReachesHomeAssistantAndTheFilesAndASilentHeadMakesItUnavailable() throws Exception {
        readThrough(PORT, SimTransportProvider.kmpMeter(PORT));
    }

    @Test
    void theSameOverAPseudoTerminalAtTheEyesBaudRate() throws Exception {
        KmpEye eye = KmpEye.standard(new RandomFaults<>(1));
        Path tty = dir.resolve("ttyIR0");
        try (OpticalSimServer server = OpticalSimServer.pty(tty, eye)) {
            readThrough(tty.toString(), eye.meter());
        }
    }

    private void readThrough(String port, KmpMeter meter) throws Exception {
        String key = "kam_" + meter.serialNumber();
        String config = "homeassistant/device/meterbridge_" + key + "/config";
        String state = "meterbridge/" + key + "/state";
        String availability = "meterbridge/" + key + "/availability";
        Path home = ServiceHome.shipped(Files.createTempDirectory(dir, "home"));
        try (HiveMqBroker broker = new HiveMqBroker(Files.createTempDirectory(dir, "broker"))) {
            broker.start();
            try (Subscriber ha = new Subscriber(broker.url(), "optical-test-home-assistant", "#");
                    MeterbridgeService service = new MeterbridgeService(home, Map.of(
                            "optical.port", port,
                            "optical.protocol", "kmp",
                            "optical.model", "MULTICAL 403",
                            "optical.poll", "1s",
                            "homeassistant.offlineAfterFailedPolls", "2",
                            "mqtt.url", broker.url(),
                            "mqtt.clientId", "meterbridge-optical",
                            "mbus.bus", ""), false)) {
                service.start();
                ServiceHome.await(Duration.ofSeconds(60), "the discovery config and a state",
                        () -> !ha.payloads(config).isEmpty() && !ha.payloads(state).isEmpty());

                JsonNode device = json(ha.payloads(config).get(0));
                assertEquals("Kamstrup", device.at("/dev/manufacturer").asText(), device.toString());
                assertEquals("MULTICAL 403", device.at("/dev/model").asText(), device.toString());
                assertEquals(String.valueOf(meter.serialNumber()), device.at("/dev/serial_number").asText());
                // the native entity keeps the meter's unit (this one counts MWh, as the real meter the
                // simulator copies does); the kWh one is what the Energy dashboard is given
                assertEntity(device, "heat_energy", "energy", "MWh", "total_increasing");
                assertEntity(device, "heat_energy_kwh", "energy", "kWh", "total_increasing");
                assertEntity(device, "volume", "water", "m³", "total_increasing");
                assertEntity(device, "flow_temperature", "temperature", "°C", "measurement");
                assertEntity(device, "power", "power", "kW", "measurement");

                JsonNode reading = json(ha.payloads(state).get(0));
                Instant readAt = Instant.parse(reading.get("read_at").asText());
                // the meter answered just before read_at; its energy counts whole kWh (E1 in MWh, 3 decimals)
                BigDecimal before = register(meter, KmpRegister.E1, readAt.minusSeconds(5)).movePointRight(3);
                BigDecimal after = register(meter, KmpRegister.E1, readAt).movePointRight(3);
                BigDecimal energy = reading.get("heat_energy_kwh").decimalValue();
                assertTrue(energy.compareTo(before) >= 0 && energy.compareTo(after) <= 0,
                        energy + " kWh in the state, the meter held " + before + " to " + after);
                assertEquals(0, register(meter, KmpRegister.T1, readAt).compareTo(
                        reading.get("flow_temperature_c").decimalValue()), reading.toString());
                BigDecimal volume = reading.get("volume_m3").decimalValue();
                assertTrue(volume.compareTo(register(meter, KmpRegister.V1, readAt.minusSeconds(5))) >= 0
                        && volume.compareTo(register(meter, KmpRegister.V1, readAt)) <= 0, reading.toString());

                ServiceHome.await(Duration.ofSeconds(30), "the reading in readings.jsonl", () -> {
                    try {
                        return Files.exists(home.resolve("data/readings.jsonl")) && Files.readString(
                                home.resolve("data/readings.jsonl"), StandardCharsets.UTF_8).contains("\"" + key + "\"");
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                ServiceHome.await(Duration.ofSeconds(30), "the meter online",
                        () -> ha.payloads(availability).contains("online"));

                // head knocked off the eye: every request and its retry go unanswered for two reads
                int statesBefore = ha.payloads(state).size();
                int availabilityBefore = ha.payloads(availability).size();
                meter.inject(Fault.NO_ANSWER, 4);
                // what Home Assistant saw since: offline, then online again (the next good read can
                // follow the offline message within a poll, so "the last message" is not waited for)
                ServiceHome.await(Duration.ofSeconds(90), "the meter offline after two failed reads", () ->
                        ha.payloads(availability).subList(availabilityBefore, ha.payloads(availability).size()).contains("offline"));
                ServiceHome.await(Duration.ofSeconds(60), "the meter online again once it answers", () -> {
                    List<String> a = ha.payloads(availability);
                    List<String> since = a.subList(availabilityBefore, a.size());
                    return since.subList(since.indexOf("offline"), since.size()).contains("online")
                            && ha.payloads(state).size() > statesBefore;
                });
                assertEquals(0, meter.pendingFaults(), "every fault was used by a read");
            }
        }
    }

    private static BigDecimal register(KmpMeter meter, KmpRegister register, Instant at) {
        return meter.register(register.id(), at).orElseThrow().value();
    }

    private static void assertEntity(JsonNode device, String entity, String deviceClass, String unit, String stateClass) {
        JsonNode c = device.at("/cmps/" + entity);
        assertEquals(deviceClass, c.path("device_class").asText(), entity + " in " + device.get("cmps"));
        assertEquals(unit, c.path("unit_of_measurement").asText(), entity);
        assertEquals(stateClass, c.path("state_class").asText(), entity);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
