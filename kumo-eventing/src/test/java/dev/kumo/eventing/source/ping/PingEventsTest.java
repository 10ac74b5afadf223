package dev.kumo.eventing.source.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PingEventsTest {

    private static final Instant TICK = Instant.parse("2026-11-22T10:01:00Z");

    @Test
    void anEventCarriesKnativesTypeAndSourceTheTickAndTheData() {
        PingSpec spec = spec(Optional.of("application/json"), "{\"hello\":1}", Map.of("team", "kumo"));

        CloudEvent event = PingEvents.forTick(spec, TICK);

        assertThat(event.getType()).isEqualTo("dev.knative.sources.ping");
        assertThat(event.getSource()).hasToString("/apis/v1/namespaces/default/pingsources/heartbeat");
        assertThat(event.getTime().toInstant()).isEqualTo(TICK);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":1}");
        assertThat(event.getExtension("team")).isEqualTo("kumo");
    }

    @Test
    void theSameTickGivesTheSameIdSoReceiversCanDropARepeat() {
        PingSpec spec = spec(Optional.empty(), "", Map.of());

        assertThat(PingEvents.forTick(spec, TICK).getId()).isEqualTo(PingEvents.forTick(spec, TICK).getId());
        assertThat(PingEvents.forTick(spec, TICK.plusSeconds(60)).getId())
                .isNotEqualTo(PingEvents.forTick(spec, TICK).getId());
        assertThat(PingEvents.forTick(spec, TICK).getData()).isNull();
    }

    static PingSpec spec(Optional<String> contentType, String data, Map<String, String> overrides) {
        return new PingSpec("default", "heartbeat", "3f1c2a9e-uid", PingSchedule.parse("* * * * *", ""),
                contentType, data.getBytes(StandardCharsets.UTF_8), URI.create("http://127.0.0.1:1/"), overrides);
    }
}
