package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An updated ConfigMap reaches the running instances whose volumes read it, and only those. */
class VolumeWatchTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");

    private final ResourceStore store = InMemoryStore.create();
    private final FakeRuntime runtime = new FakeRuntime("c");
    private VolumeWatch watch;

    @AfterEach
    void close() {
        watch.close();
        store.close();
    }

    @Test
    void aChangedConfigMapIsSentToTheRunningRevisionsThatMountIt() {
        store.create(ResourceTypes.NAMESPACE, Json.mapper().valueToTree(Map.of("apiVersion", "v1", "kind",
                "Namespace", "metadata", Map.of("name", "default"))));
        store.create(ResourceTypes.CONFIGMAP, configMap("settings", "a=1"));
        store.create(ResourceTypes.CONFIGMAP, configMap("unrelated", "x"));
        Map<String, Object> container = Map.of("image", "dev.local/app:1", "volumeMounts",
                List.of(Map.of("name", "config", "mountPath", "/etc/app", "readOnly", true)));
        Map<String, Object> spec = Map.of("containers", List.of(container),
                "volumes", List.of(Map.of("name", "config", "configMap", Map.of("name", "settings"))));
        store.create(ResourceTypes.REVISION, Json.mapper().valueToTree(Map.of("apiVersion",
                "serving.knative.dev/v1", "kind", "Revision", "metadata", Map.of("name", "hello-00001",
                        "namespace", "default"), "spec", spec)));
        runtime.start(WorkloadSpec.image(HELLO, "dev.local/app:1").build());
        watch = VolumeWatch.start(store, runtime, new VolumeSources(store::get));

        ObjectNode unrelated = store.get(ResourceTypes.CONFIGMAP, "default", "unrelated").orElseThrow();
        ((ObjectNode) unrelated.get("data")).put("app.properties", "y");
        store.update(ResourceTypes.CONFIGMAP, unrelated);
        ObjectNode settings = store.get(ResourceTypes.CONFIGMAP, "default", "settings").orElseThrow();
        ((ObjectNode) settings.get("data")).put("app.properties", "a=2");
        store.update(ResourceTypes.CONFIGMAP, settings);

        VolumeSpec.Files wanted = new VolumeSpec.Files("config", Map.of("app.properties",
                new FileEntry("a=2".getBytes(StandardCharsets.UTF_8), FileEntry.CONFIG_MAP_MODE)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !runtime.refreshed().isEmpty());
        assertThat(runtime.refreshed()).as("only the ConfigMap the volume reads")
                .containsExactly(new FakeRuntime.Refresh(HELLO, "config", wanted));
    }

    private static ObjectNode configMap(String name, String value) {
        return Json.mapper().valueToTree(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata",
                Map.of("name", name, "namespace", "default"), "data", Map.of("app.properties", value)));
    }
}
