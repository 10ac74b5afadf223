package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.credentials.AccessTokenAuthentication;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Kubernetes Java client ({@code io.kubernetes:client-java}, OkHttp and Gson), a client nobody here
 * wrote, against a running Kumo over HTTPS with its token and CA: {@code CoreV1Api} ConfigMap CRUD,
 * {@code CustomObjectsApi} on Knative Services, its {@code Watch} over the chunked stream and its informer factory.
 */
class KubernetesJavaClientIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String GROUP = "serving.knative.dev";
    private static final String VERSION = "v1";
    private static final String SERVICES = "services";
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        ApiAccess access = ApiAccess.of(server);
        client = new ClientBuilder().setBasePath(access.url().toString())
                .setCertificateAuthority(Files.readAllBytes(access.ca().orElseThrow()))
                .setAuthentication(new AccessTokenAuthentication(access.token().orElseThrow())).build();
        // Watches stay open longer than OkHttp's default read timeout.
        client.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void coreV1ApiCreatesReadsReplacesListsAndDeletesAConfigMap() throws Exception {
        CoreV1Api core = new CoreV1Api(client);
        V1ConfigMap created = core.createNamespacedConfigMap("default", configMap("crud", "one")).execute();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();

        V1ConfigMap read = core.readNamespacedConfigMap("crud", "default").execute();
        assertThat(read.getData()).containsEntry("key", "one");
        read.getData().put("key", "two");
        V1ConfigMap replaced = core.replaceNamespacedConfigMap("crud", "default", read).execute();
        assertThat(replaced.getData()).containsEntry("key", "two");
        assertThat(Long.parseLong(replaced.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

        V1ConfigMapList listed = core.listNamespacedConfigMap("default").labelSelector("app=crud").execute();
        assertThat(listed.getItems()).extracting(cm -> cm.getMetadata().getName()).containsExactly("crud");

        core.deleteNamespacedConfigMap("crud", "default").execute();
        assertThat(core.listNamespacedConfigMap("default").labelSelector("app=crud").execute().getItems()).isEmpty();
        var missing = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.kubernetes.client.openapi.ApiException.class,
                () -> core.readNamespacedConfigMap("crud", "default").execute());
        assertThat(missing.getCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void customObjectsApiCreatesGetsPatchesListsAndDeletesAKnativeService() throws Exception {
        CustomObjectsApi custom = new CustomObjectsApi(client);
        Map<String, Object> created = (Map<String, Object>) custom.createNamespacedCustomObject(GROUP, VERSION,
                "default", SERVICES, service("custom")).execute();
        assertThat(((Map<String, Object>) created.get("metadata")).get("uid")).isNotNull();

        Map<String, Object> got = (Map<String, Object>) custom.getNamespacedCustomObject(GROUP, VERSION, "default",
                SERVICES, "custom").execute();
        assertThat(((Map<String, Object>) got.get("metadata")).get("name")).isEqualTo("custom");

        // A merge patch as the client's documentation says to send one: PatchUtils with the patch's media type.
        PatchUtils.patch(Object.class, () -> custom.patchNamespacedCustomObject(GROUP, VERSION, "default", SERVICES,
                "custom", new V1Patch("{\"metadata\":{\"labels\":{\"team\":\"blue\"}}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        Map<String, Object> listed = (Map<String, Object>) custom.listNamespacedCustomObject(GROUP, VERSION,
                "default", SERVICES).labelSelector("team=blue").execute();
        assertThat((List<Map<String, Object>>) listed.get("items")).extracting(
                item -> ((Map<String, Object>) item.get("metadata")).get("name")).containsExactly("custom");
        assertThat((List<?>) ((Map<String, Object>) custom.listNamespacedCustomObject(GROUP, VERSION, "default",
                SERVICES).labelSelector("team=red").execute()).get("items")).isEmpty();

        custom.deleteNamespacedCustomObject(GROUP, VERSION, "default", SERVICES, "custom").execute();
        await("the Service gone").atMost(SETTLE).until(() -> ((List<?>) ((Map<String, Object>) custom
                .listNamespacedCustomObject(GROUP, VERSION, "default", SERVICES).execute()).get("items")).stream()
                .noneMatch(item -> "custom".equals(((Map<String, Object>) ((Map<String, Object>) item)
                        .get("metadata")).get("name"))));
    }

    @Test
    void watchFollowsTheChunkedStream() throws Exception {
        CoreV1Api core = new CoreV1Api(client);
        String from = core.listNamespacedConfigMap("default").execute().getMetadata().getResourceVersion();
        core.createNamespacedConfigMap("default", configMap("watched", "one")).execute();
        V1ConfigMap read = core.readNamespacedConfigMap("watched", "default").execute();
        read.getData().put("key", "two");
        core.replaceNamespacedConfigMap("watched", "default", read).execute();
        core.deleteNamespacedConfigMap("watched", "default").execute();
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Watch<V1ConfigMap> watch = Watch.createWatch(client, core.listNamespacedConfigMap("default")
                .watch(true).resourceVersion(from).fieldSelector("metadata.name=watched").timeoutSeconds(30)
                .buildCall(null), new TypeToken<Watch.Response<V1ConfigMap>>() { }.getType())) {
            for (Watch.Response<V1ConfigMap> event : watch) {
                seen.add(event.type + ":" + event.object.getData().get("key"));
                if (event.type.equals("DELETED")) {
                    break;
                }
            }
        }
        assertThat(seen).containsExactly("ADDED:one", "MODIFIED:two", "DELETED:two");
    }

    @Test
    void informerFactoryCachesConfigMapsThroughCreatesUpdatesAndDeletes() throws Exception {
        CoreV1Api core = new CoreV1Api(client);
        core.createNamespacedConfigMap("default", configMap("cached-before", "one")).execute();
        SharedInformerFactory factory = new SharedInformerFactory(client);
        SharedIndexInformer<V1ConfigMap> informer = factory.sharedIndexInformerFor(new GenericKubernetesApi<>(
                V1ConfigMap.class, V1ConfigMapList.class, "", "v1", "configmaps", client), V1ConfigMap.class, 0,
                "default");
        List<String> handled = new CopyOnWriteArrayList<>();
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(V1ConfigMap object) {
                handled.add("add:" + object.getMetadata().getName());
            }

            @Override
            public void onUpdate(V1ConfigMap before, V1ConfigMap after) {
                handled.add("update:" + after.getMetadata().getName());
            }

            @Override
            public void onDelete(V1ConfigMap object, boolean finalStateUnknown) {
                handled.add("delete:" + object.getMetadata().getName());
            }
        });
        factory.startAllRegisteredInformers();
        try {
            await("synced").atMost(SETTLE).until(informer::hasSynced);
            assertThat(cached(informer)).containsEntry("cached-before", "one");
            core.createNamespacedConfigMap("default", configMap("cached", "one")).execute();
            V1ConfigMap read = core.readNamespacedConfigMap("cached", "default").execute();
            read.getData().put("key", "two");
            core.replaceNamespacedConfigMap("cached", "default", read).execute();
            core.deleteNamespacedConfigMap("cached-before", "default").execute();
            await("create, update, delete cached").atMost(SETTLE).until(() -> cached(informer),
                    c -> "two".equals(c.get("cached")) && !c.containsKey("cached-before"));
            assertThat(handled).contains("add:cached-before", "add:cached", "update:cached", "delete:cached-before");
        } finally {
            factory.stopAllRegisteredInformers();
        }
    }

    private static Map<String, String> cached(SharedIndexInformer<V1ConfigMap> informer) {
        Map<String, String> cached = new TreeMap<>();
        informer.getIndexer().list().forEach(cm -> cached.put(cm.getMetadata().getName(),
                cm.getData() == null ? "" : cm.getData().getOrDefault("key", "")));
        return cached;
    }

    private static V1ConfigMap configMap(String name, String value) {
        return new V1ConfigMap().metadata(new V1ObjectMeta().name(name).namespace("default")
                .labels(Map.of("app", name))).data(new java.util.HashMap<>(Map.of("key", value)));
    }

    private static Map<String, Object> service(String name) {
        return Map.of("apiVersion", GROUP + "/" + VERSION, "kind", "Service",
                "metadata", Map.of("name", name, "namespace", "default"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of(
                        "command", List.of("python3"), "args", List.of("app.py"),
                        "workingDir", SAMPLE.toString()))))));
    }
}
