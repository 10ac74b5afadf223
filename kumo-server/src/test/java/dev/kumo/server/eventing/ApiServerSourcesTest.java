package dev.kumo.server.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.controller.apiserversource.SourceAccess;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner against a real in-memory store: which namespaces' changes a source sends, as namespaces change (the
 * server allowing sources to read across namespaces), and what it never opens when the server does not.
 */
class ApiServerSourcesTest {

    private static final URI SINK = URI.create("http://127.0.0.1:9/");
    private static final NamespacedName KEY = new NamespacedName("home", "watch");

    private final ResourceStore store = InMemoryStore.create();
    private static final List<ResourceType> KINDS = List.of(ResourceTypes.CONFIGMAP, ResourceTypes.NAMESPACE);

    private final List<CloudEvent> sent = new CopyOnWriteArrayList<>();
    private final ApiServerSources sources = runner(new SourceAccess(true, KINDS));
    private final ApiServerSources ownNamespaceOnly = runner(new SourceAccess(false, KINDS));

    @AfterEach
    void close() {
        sources.close();
        ownNamespaceOnly.close();
        store.close();
    }

    @Test
    void withoutANamespaceSelectorOnlyTheSourcesOwnNamespaceIsWatched() {
        namespace("home", "dev");
        namespace("elsewhere", "dev");
        configMap("elsewhere", "other");

        assertThat(sources.run(source("ConfigMap", null), SINK)).isEmpty();
        configMap("home", "mine");

        await().untilAsserted(() -> assertThat(subjects()).contains("/api/v1/namespaces/home/configmaps/mine"));
        assertThat(sources.namespaces(KEY)).containsExactly("home");
        assertThat(subjects()).doesNotContain("/api/v1/namespaces/elsewhere/configmaps/other");
    }

    @Test
    void aNamespaceSelectorFollowsNamespacesAsTheyAreCreatedRelabelledAndDeleted() {
        namespace("dev-a", "dev");
        namespace("prod", "prod");
        configMap("dev-a", "a");
        configMap("prod", "p");

        assertThat(sources.run(source("ConfigMap", new LabelSelectorSpec(Map.of("env", "dev"), null)), SINK))
                .isEmpty();

        await().untilAsserted(() -> assertThat(adds()).contains("/api/v1/namespaces/dev-a/configmaps/a"));
        assertThat(sources.namespaces(KEY)).containsExactly("dev-a");

        relabel("prod", "dev");
        await().untilAsserted(() -> assertThat(adds()).contains("/api/v1/namespaces/prod/configmaps/p"));
        assertThat(sources.namespaces(KEY)).containsExactly("dev-a", "prod");

        namespace("dev-c", "dev");
        await().until(() -> sources.namespaces(KEY).contains("dev-c"));
        configMap("dev-c", "c");
        await().untilAsserted(() -> assertThat(adds()).contains("/api/v1/namespaces/dev-c/configmaps/c"));

        relabel("dev-a", "test");
        store.delete(ResourceTypes.NAMESPACE, "", "prod", DeleteOptions.DEFAULT);
        await().untilAsserted(() -> assertThat(sources.namespaces(KEY)).containsExactly("dev-c"));
    }

    @Test
    void anEmptyNamespaceSelectorWatchesEveryNamespace() {
        namespace("dev-a", "dev");
        namespace("prod", "prod");
        configMap("dev-a", "a");
        configMap("prod", "p");

        assertThat(sources.run(source("ConfigMap", new LabelSelectorSpec(null, null)), SINK)).isEmpty();

        await().untilAsserted(() -> assertThat(adds()).contains("/api/v1/namespaces/dev-a/configmaps/a",
                "/api/v1/namespaces/prod/configmaps/p"));
    }

    @Test
    void aClusterScopedKindIsWatchedClusterWideWhateverTheSelectorMatches() {
        namespace("prod", "prod");

        assertThat(sources.run(source("Namespace", new LabelSelectorSpec(Map.of("env", "none"), null)), SINK))
                .isEmpty();

        await().untilAsserted(() -> assertThat(adds()).contains("/api/v1/namespaces/prod"));
        assertThat(sources.namespaces(KEY)).isEmpty();
    }

    @Test
    void withoutCrossNamespaceReadsASelectorNeverOpensAnotherNamespace() {
        namespace("home", "dev");
        namespace("dev-a", "dev");
        configMap("dev-a", "a");

        assertThat(ownNamespaceOnly.run(source("ConfigMap", new LabelSelectorSpec(Map.of("env", "dev"), null)),
                SINK)).isEmpty();
        configMap("home", "mine");
        namespace("dev-b", "dev");
        configMap("dev-b", "b");
        configMap("home", "later");

        await().untilAsserted(() -> assertThat(adds()).contains("/api/v1/namespaces/home/configmaps/mine",
                "/api/v1/namespaces/home/configmaps/later"));
        assertThat(ownNamespaceOnly.namespaces(KEY)).containsExactly("home");
        assertThat(subjects()).noneMatch(s -> s.contains("/dev-"));
    }

    @Test
    void withoutCrossNamespaceReadsAClusterScopedKindIsRefused() {
        assertThat(ownNamespaceOnly.run(source("Namespace", null), SINK)).contains("spec.resources[0]: the "
                + "cluster-scoped kind Namespace may not be read (apiserversource-cross-namespace is off)");
        assertThat(ownNamespaceOnly.namespaces(KEY)).isEmpty();
    }

    @Test
    void aFailedDeliveryOfAnEventIsNotRecordedAsAnEventThatWouldBeSentAgain() {
        List<ResourceType> kinds = List.of(ResourceTypes.CONFIGMAP, ResourceTypes.EVENT);
        List<String> recorded = new CopyOnWriteArrayList<>();
        ApiServerSources failing = new ApiServerSources(store, kinds, (sink, event) -> {
            sent.add(event);
            return CompletableFuture.completedFuture(500);
        }, URI.create("https://127.0.0.1:6443"), Clock.systemUTC(), new SourceAccess(true, kinds),
                (about, type, reason, message) -> recorded.add(reason + " " + about.name()));
        namespace("home", "dev");
        try {
            assertThat(failing.run(ApiServerSource.of(ObjectMeta.of(KEY.namespace(), KEY.name()),
                    new ApiServerSourceSpec(null, null, List.of(new ApiServerSourceSpec.Resource("v1", "Event", null),
                            new ApiServerSourceSpec.Resource("v1", "ConfigMap", null)), null,
                            ApiServerSource.REFERENCE_MODE, null, null, null)), SINK)).isEmpty();
            event("first");
            event("second");
            configMap("home", "cm");

            // One watch sends in order and the failure is handled inline, so "first" was handled before "second".
            await().untilAsserted(() -> assertThat(subjects()).contains("/api/v1/namespaces/home/events/second",
                    "/api/v1/namespaces/home/configmaps/cm"));
            await().untilAsserted(() -> assertThat(recorded).isNotEmpty());
            assertThat(recorded).containsExactly("DeliveryFailed watch");
        } finally {
            failing.close();
        }
    }

    private void event(String name) {
        store.create(ResourceTypes.EVENT, Json.parseObject("{\"apiVersion\":\"v1\",\"kind\":\"Event\","
                + "\"metadata\":{\"namespace\":\"home\",\"name\":\"" + name + "\"},\"reason\":\"Test\"}"));
    }

    private ApiServerSources runner(SourceAccess access) {
        return new ApiServerSources(store, KINDS, (sink, event) -> {
            sent.add(event);
            return CompletableFuture.completedFuture(202);
        }, URI.create("https://127.0.0.1:6443"), Clock.systemUTC(), access);
    }

    private static ApiServerSource source(String kind, LabelSelectorSpec namespaceSelector) {
        return ApiServerSource.of(ObjectMeta.of(KEY.namespace(), KEY.name()), new ApiServerSourceSpec(null, null,
                List.of(new ApiServerSourceSpec.Resource("v1", kind, null)), null, ApiServerSource.REFERENCE_MODE,
                null, namespaceSelector, null));
    }

    private void namespace(String name, String env) {
        store.create(ResourceTypes.NAMESPACE, Json.parseObject("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"env\":\"" + env + "\"}}}"));
    }

    private void relabel(String name, String env) {
        ObjectNode namespace = store.get(ResourceTypes.NAMESPACE, "", name).orElseThrow();
        ((ObjectNode) namespace.path("metadata").path("labels")).put("env", env);
        store.update(ResourceTypes.NAMESPACE, namespace);
    }

    private void configMap(String namespace, String name) {
        store.create(ResourceTypes.CONFIGMAP, Json.parseObject("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"namespace\":\"" + namespace + "\",\"name\":\"" + name + "\"}}"));
    }

    private List<String> subjects() {
        return sent.stream().map(CloudEvent::getSubject).toList();
    }

    private List<String> adds() {
        return sent.stream().filter(e -> e.getType().equals("dev.knative.apiserver.ref.add"))
                .map(CloudEvent::getSubject).toList();
    }
}
