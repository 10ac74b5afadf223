package dev.kumo.eventing.source.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ApiServerEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI API = URI.create("https://127.0.0.1:8443");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00Z");

    @Test
    void referenceModeSendsARefOfTheObject() throws Exception {
        CloudEvent event = new ApiServerEvents(API, EventMode.REFERENCE, false)
                .event(ChangeType.ADD, "revisions", revision(), NOW);

        assertThat(event.getType()).isEqualTo("dev.knative.apiserver.ref.add");
        assertThat(event.getSource()).isEqualTo(API);
        assertThat(event.getSubject()).isEqualTo("/apis/serving.knative.dev/v1/namespaces/default/revisions/hello-00001");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("kind")).isEqualTo("Revision");
        assertThat(event.getExtension("name")).isEqualTo("hello-00001");
        assertThat(event.getExtension("namespace")).isEqualTo("default");
        assertThat(JSON.readTree(event.getData().toBytes())).isEqualTo(JSON.readTree(
                "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Revision\",\"name\":\"hello-00001\","
                        + "\"namespace\":\"default\"}"));
    }

    @Test
    void referenceModeCanReferToTheControllingOwner() throws Exception {
        CloudEvent event = new ApiServerEvents(API, EventMode.REFERENCE, true)
                .event(ChangeType.UPDATE, "revisions", revision(), NOW);

        assertThat(event.getType()).isEqualTo("dev.knative.apiserver.ref.update");
        assertThat(JSON.readTree(event.getData().toBytes()).path("kind").asText()).isEqualTo("Configuration");
        assertThat(JSON.readTree(event.getData().toBytes()).path("name").asText()).isEqualTo("hello");
    }

    @Test
    void resourceModeSendsTheWholeObject() throws Exception {
        CloudEvent event = new ApiServerEvents(API, EventMode.RESOURCE, false)
                .event(ChangeType.DELETE, "configmaps", configMap(), NOW);

        assertThat(event.getType()).isEqualTo("dev.knative.apiserver.resource.delete");
        assertThat(event.getSubject()).isEqualTo("/api/v1/namespaces/default/configmaps/settings");
        assertThat(JSON.readTree(event.getData().toBytes())).isEqualTo(configMap());
    }

    @Test
    void resourceModeSendsASecretWithoutItsData() throws Exception {
        JsonNode secret = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{"
                + "\"name\":\"db\",\"namespace\":\"default\",\"labels\":{\"app\":\"db\"},\"annotations\":{"
                + "\"kubectl.kubernetes.io/last-applied-configuration\":\"{\\\"data\\\":{\\\"password\\\":"
                + "\\\"aHVudGVyMg==\\\"}}\",\"team\":\"a\"}},\"type\":\"Opaque\","
                + "\"data\":{\"password\":\"aHVudGVyMg==\"},\"stringData\":{\"user\":\"admin\"}}");

        CloudEvent event = new ApiServerEvents(API, EventMode.RESOURCE, false)
                .event(ChangeType.UPDATE, "secrets", secret, NOW);

        assertThat(JSON.readTree(event.getData().toBytes())).isEqualTo(JSON.readTree("{\"apiVersion\":\"v1\","
                + "\"kind\":\"Secret\",\"metadata\":{\"name\":\"db\",\"namespace\":\"default\","
                + "\"labels\":{\"app\":\"db\"},\"annotations\":{\"team\":\"a\"}},\"type\":\"Opaque\"}"));
        assertThat(new String(event.getData().toBytes())).doesNotContain("aHVudGVyMg==").doesNotContain("admin");
        assertThat(secret.has("data")).as("the watched object itself is left alone").isTrue();
    }

    @Test
    void modesAreReadAsKnativeSpellsThem() {
        assertThat(EventMode.of("")).isEqualTo(EventMode.REFERENCE);
        assertThat(EventMode.of("Ref")).isEqualTo(EventMode.REFERENCE);
        assertThat(EventMode.of("Resource")).isEqualTo(EventMode.RESOURCE);
        assertThatThrownBy(() -> EventMode.of("Full")).hasMessageContaining("\"Full\" is not Reference or Resource");
    }

    private static JsonNode revision() throws Exception {
        return JSON.readTree("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Revision",
                 "metadata":{"name":"hello-00001","namespace":"default","ownerReferences":[
                   {"apiVersion":"serving.knative.dev/v1","kind":"Configuration","name":"hello","controller":true}]}}
                """);
    }

    private static JsonNode configMap() throws Exception {
        return JSON.readTree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"},
                 "data":{"a":"1"}}
                """);
    }
}
