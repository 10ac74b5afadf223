package dev.kumo.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.registry.BuiltInKinds;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventConversionTest {

    private final EventConversion conversion = new EventConversion();

    private static final String CORE = """
            {"apiVersion": "v1", "kind": "Event",
             "metadata": {"namespace": "default", "name": "hello.1", "uid": "u"},
             "involvedObject": {"kind": "Service", "namespace": "default", "name": "hello",
                                "apiVersion": "serving.knative.dev/v1", "uid": "s"},
             "reason": "Created", "message": "Created Route", "type": "Normal", "count": 3,
             "source": {"component": "controller", "host": "box"},
             "firstTimestamp": "2026-01-01T10:00:00Z", "lastTimestamp": "2026-01-01T10:05:00Z"}
            """;

    @Test
    void aCoreEventReadsAsEventsV1WithTheNewerFieldsFilledFromTheOlder() {
        ObjectNode v1 = conversion.fromStored(Json.parseObject(CORE));
        assertThat(v1.path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
        assertThat(v1.path("regarding").path("name").asText()).isEqualTo("hello");
        assertThat(v1.path("note").asText()).isEqualTo("Created Route");
        assertThat(v1.path("reportingController").asText()).isEqualTo("controller");
        assertThat(v1.path("reportingInstance").asText()).isEqualTo("box");
        assertThat(v1.path("eventTime").asText()).isEqualTo("2026-01-01T10:00:00.000000Z");
        assertThat(v1.path("series").path("count").asInt()).isEqualTo(3);
        assertThat(v1.path("series").path("lastObservedTime").asText()).isEqualTo("2026-01-01T10:05:00.000000Z");
        assertThat(v1.path("deprecatedCount").asInt()).isEqualTo(3);
        assertThat(v1.path("deprecatedSource").path("component").asText()).isEqualTo("controller");
        assertThat(v1.path("deprecatedLastTimestamp").asText()).isEqualTo("2026-01-01T10:05:00Z");
        assertThat(v1.path("metadata")).isEqualTo(Json.parseObject(CORE).path("metadata"));
    }

    @Test
    void aCoreEventGoesRoundTheNewerFormUnchanged() {
        ObjectNode core = Json.parseObject(CORE);
        ObjectNode back = conversion.toStored(conversion.fromStored(core));
        // The newer fields the read filled in stay; every field the core Event had comes back as it was.
        core.fieldNames().forEachRemaining(field -> assertThat(back.get(field)).as(field).isEqualTo(core.get(field)));
    }

    @Test
    void anEventsV1EventIsStoredWithTheOlderFieldsFilledFromTheNewer() {
        ObjectNode core = conversion.toStored(Json.parseObject("""
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "n", "namespace": "d"},
                 "eventTime": "2026-01-01T10:00:00.123456Z", "reportingController": "x.io/c",
                 "reportingInstance": "c-1", "action": "Check", "reason": "Checked", "note": "ok", "type": "Normal",
                 "regarding": {"kind": "Service", "name": "hello"},
                 "series": {"count": 4, "lastObservedTime": "2026-01-01T10:09:00.000000Z"}}
                """));
        assertThat(core.path("message").asText()).isEqualTo("ok");
        assertThat(core.path("involvedObject").path("name").asText()).isEqualTo("hello");
        assertThat(core.path("count").asInt()).isEqualTo(4);
        assertThat(core.path("source").path("component").asText()).isEqualTo("x.io/c");
        assertThat(core.path("reportingComponent").asText()).isEqualTo("x.io/c");
        assertThat(core.path("firstTimestamp").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(core.path("lastTimestamp").asText()).isEqualTo("2026-01-01T10:09:00Z");
        assertThat(core.path("action").asText()).isEqualTo("Check");
    }

    @Test
    void eventsV1AdmissionWantsWhatKubernetesWants() {
        var kind = BuiltInKinds.all().find("events.k8s.io", "v1", "events").orElseThrow();
        assertThatThrownBy(() -> kind.admission().admit(Json.parseObject("""
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"name": "n", "namespace": "d"},
                 "reason": "R", "type": "Odd"}
                """), Optional.empty(), FieldValidation.Strict))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("eventTime").hasMessageContaining("reportingController")
                .hasMessageContaining("type");
        var core = BuiltInKinds.all().find("", "v1", "events").orElseThrow();
        assertThatThrownBy(() -> core.admission().admit(Json.parseObject("""
                {"apiVersion": "v1", "kind": "Event", "metadata": {"name": "n", "namespace": "d"},
                 "involvedObject": {"namespace": "elsewhere", "name": "x"}}
                """), Optional.empty(), FieldValidation.Strict))
                .isInstanceOf(ApiException.class).hasMessageContaining("involvedObject.namespace");
    }
}
