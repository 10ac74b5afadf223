package dev.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.registry.BuiltInKinds;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writers other than the API get the API's admission on create and update; status and unknown kinds pass. */
class AdmittingStoreTest {

    private final ResourceStore raw = InMemoryStore.create();
    private final AdmittingStore store = new AdmittingStore(raw, BuiltInKinds.all());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCreateTheApiWouldRefuseIsRefusedAndNothingIsStored() {
        ObjectNode configMap = Json.parseObject("""
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "default"},
                 "data": {"not a key!": "x"}}
                """);

        assertThatThrownBy(() -> store.create(ResourceTypes.CONFIGMAP, configMap))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
        assertThat(raw.get(ResourceTypes.CONFIGMAP, "default", "settings")).isEmpty();
    }

    @Test
    void aCreateIsStoredWithTheKindsDefaults() {
        store.create(ResourceTypes.SECRET, Json.parseObject("""
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "token", "namespace": "default"},
                 "stringData": {"token": "abc"}}
                """));

        ObjectNode stored = raw.get(ResourceTypes.SECRET, "default", "token").orElseThrow();
        assertThat(stored.at("/data/token").asText()).isEqualTo("YWJj");
        assertThat(stored.path("type").asText()).isEqualTo("Opaque");
        assertThat(stored.has("stringData")).isFalse();
    }

    @Test
    void anUpdateIsAdmittedAgainstTheStoredObject() {
        ObjectNode created = store.create(ResourceTypes.CONFIGMAP, Json.parseObject("""
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "fixed", "namespace": "default"},
                 "data": {"a": "1"}, "immutable": true}
                """));
        created.with("data").put("a", "2");

        assertThatThrownBy(() -> store.update(ResourceTypes.CONFIGMAP, created))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("immutable"));
        assertThat(raw.get(ResourceTypes.CONFIGMAP, "default", "fixed").orElseThrow().at("/data/a").asText())
                .isEqualTo("1");
    }

    @Test
    void statusWritesPassAsTheStatusSubresourceTakesThem() {
        ObjectNode broker = store.create(ResourceTypes.BROKER, Json.parseObject("""
                {"apiVersion": "eventing.knative.dev/v1", "kind": "Broker",
                 "metadata": {"name": "default", "namespace": "default"}}
                """));
        broker.putObject("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True");

        store.updateStatus(ResourceTypes.BROKER, broker);

        assertThat(raw.get(ResourceTypes.BROKER, "default", "default").orElseThrow().at("/status/conditions/0/type")
                .asText()).isEqualTo("Ready");
    }

    @Test
    void theApisOwnOptionsAdmitWithoutStoringUntilAskedTo() {
        ObjectNode configMap = Json.parseObject("""
                {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "loose", "namespace": "default"},
                 "data": {"a": "1"}, "extra": true}
                """);

        Admitted admitted = store.admit(ResourceTypes.CONFIGMAP, configMap, Optional.empty(),
                FieldValidation.Warn);

        assertThat(admitted.warnings()).containsExactly("unknown field \"extra\"");
        assertThat(admitted.object().has("extra")).isFalse();
        assertThat(raw.get(ResourceTypes.CONFIGMAP, "default", "loose")).isEmpty();
        store.create(ResourceTypes.CONFIGMAP, admitted);
        assertThat(raw.get(ResourceTypes.CONFIGMAP, "default", "loose")).isPresent();
    }

    @Test
    void kindsWithoutADefinitionPassUnchanged() {
        ResourceType widget = new ResourceType("example.dev", "v1", "Widget", "widgets", "widget", true, false,
                List.of(), List.of());

        store.create(widget, Json.parseObject("""
                {"apiVersion": "example.dev/v1", "kind": "Widget", "metadata": {"name": "W", "namespace": "d"}}
                """));

        assertThat(raw.get(widget, "d", "W")).isPresent();
    }
}
