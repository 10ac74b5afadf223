package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watches over a WebSocket, as fabric8's kubernetes-client opens them: its {@code watch()} on Knative Services and
 * ConfigMaps, its informer's cache through creates, updates, deletes, a server restart and a 410, and the socket
 * itself seen by the JDK's WebSocket client (101, one message per event, the timeout's clean close, an ERROR for a
 * too old resourceVersion).
 */
class KubernetesWatchesIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private final Transports transports = new Transports();
    private KumoServer server;
    private KubernetesClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void watchOnConfigMapsSeesAddedModifiedAndDeleted() {
        start(0);
        Recorder<ConfigMap> events = new Recorder<>();
        try (Watch ignored = client.configMaps().inNamespace("default").watch(events)) {
            client.configMaps().inNamespace("default").resource(configMap("watched", "one")).create();
            client.configMaps().inNamespace("default").withName("watched").edit(cm -> {
                cm.getData().put("key", "two");
                return cm;
            });
            client.configMaps().inNamespace("default").withName("watched").delete();
            await("ADDED, MODIFIED, DELETED").atMost(SETTLE).until(() -> events.of("watched"),
                    seen -> seen.containsAll(List.of("ADDED:one", "MODIFIED:two", "DELETED:two")));
        }
        assertThat(events.of("watched")).startsWith("ADDED:one");
        assertThat(events.closedWith).isEmpty();
        transports.assertAllWebSocket();
    }

    @Test
    void watchOnKnativeServicesAsGenericResourcesSeesTheirLife() {
        start(0);
        Recorder<GenericKubernetesResource> events = new Recorder<>();
        var services = client.genericKubernetesResources("serving.knative.dev/v1", "Service").inNamespace("default");
        try (Watch ignored = services.watch(events)) {
            services.resource(KubernetesClientsIT.helloPython(client, "watched", "one")).create();
            await("the Service's status MODIFIED").atMost(SETTLE).until(() -> events.types("watched"),
                    seen -> seen.contains("ADDED") && seen.contains("MODIFIED"));
            services.withName("watched").delete();
            await("DELETED").atMost(SETTLE).until(() -> events.types("watched"), seen -> seen.contains("DELETED"));
        }
        assertThat(events.types("watched").getFirst()).isEqualTo("ADDED");
        transports.assertAllWebSocket();
    }

    @Test
    void informerCacheFollowsChangesAcrossARestartAndA410() throws Exception {
        start(0);
        int port = server.apiPort();
        var configMaps = client.configMaps().inNamespace("default");
        configMaps.resource(configMap("before", "one")).create();
        Recorder<ConfigMap> handled = new Recorder<>();
        SharedIndexInformer<ConfigMap> informer = configMaps.inform(handled, 0);
        try {
            await("the first list cached").atMost(SETTLE).until(() -> cached(informer), c -> c.containsKey("before"));
            configMaps.resource(configMap("created", "one")).create();
            configMaps.withName("created").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"key\":\"two\"}}");
            configMaps.withName("before").delete();
            await("create, update, delete cached").atMost(SETTLE).until(() -> cached(informer),
                    c -> "two".equals(c.get("created")) && !c.containsKey("before"));
            assertThat(handled.of("created")).contains("ADDED:one", "MODIFIED:two");
            assertThat(handled.of("before")).contains("DELETED:one");

            // Restarted on its port: the informer's watch resumes where it was.
            server.close();
            server = KumoServer.start(config(port));
            await("the informer watching again").atMost(SETTLE).until(informer::isWatching);
            configMaps.resource(configMap("after-restart", "one")).create();
            await("a change after the restart cached").atMost(SETTLE).until(() -> cached(informer),
                    c -> c.containsKey("after-restart"));

            // Changed while the informer's server is away, on another port: its resourceVersion is then older than
            // the restarted server's watch window, so its watch gets 410 Gone and it lists again.
            server.close();
            try (KumoServer elsewhere = KumoServer.start(config(0));
                    KubernetesClient other = client(elsewhere)) {
                other.configMaps().inNamespace("default").withName("created").delete();
                other.configMaps().inNamespace("default").resource(configMap("while-away", "one")).create();
            }
            server = KumoServer.start(config(port));
            await("the relist after 410 cached").atMost(SETTLE).until(() -> cached(informer),
                    c -> c.containsKey("while-away") && !c.containsKey("created"));
            assertThat(handled.of("created")).contains("DELETED:two");
            transports.assertAllWebSocket();
        } finally {
            informer.close();
        }
    }

    @Test
    void aWebSocketWatchSendsOneMessagePerEventAndClosesAtItsTimeout() throws Exception {
        start(0);
        ApiAccess access = ApiAccess.of(server);
        client.configMaps().inNamespace("default").resource(configMap("socket", "one")).create();
        Messages messages = new Messages();
        WebSocket socket = socket(access, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=3&fieldSelector=metadata.name%3Dsocket",
                messages);
        await("the closing frame after timeoutSeconds").atMost(SETTLE).until(() -> messages.closed.isDone());
        assertThat(messages.closed.get()).isEqualTo(WebSocket.NORMAL_CLOSURE);
        assertThat(messages.texts).hasSize(1);
        assertThat(messages.texts.getFirst()).startsWith("{\"type\":\"ADDED\",\"object\":{")
                .contains("\"name\":\"socket\"");
        assertThat(socket.isInputClosed()).isTrue();
    }

    @Test
    void aWebSocketWatchAskingForAKubernetesSubprotocolGetsItAndTheSameMessages() throws Exception {
        start(0);
        client.configMaps().inNamespace("default").resource(configMap("protocol", "one")).create();
        Messages messages = new Messages();
        ApiAccess access = ApiAccess.of(server);
        WebSocket socket = access.client().newWebSocketBuilder()
                .header("Authorization", "Bearer " + access.token().orElseThrow())
                .subprotocols("base64.binary.k8s.io")
                .buildAsync(java.net.URI.create(access.url().toString().replaceFirst("^http", "ws")
                        + "/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=2"
                        + "&fieldSelector=metadata.name%3Dprotocol"), messages).get(30, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("base64.binary.k8s.io");
        await("the closing frame").atMost(SETTLE).until(() -> messages.closed.isDone());
        assertThat(messages.texts).singleElement().asString().startsWith("{\"type\":\"ADDED\"")
                .contains("\"name\":\"protocol\"");
    }

    @Test
    void aWebSocketWatchFromATooOldResourceVersionGetsAnErrorEvent() throws Exception {
        start(0);
        client.configMaps().inNamespace("default").resource(configMap("old", "one")).create();
        client.close();
        client = null;
        server.close();
        // Restarted: its watch window starts at the newest resourceVersion, so resourceVersion 1 is too old.
        server = KumoServer.start(config(0));
        Messages messages = new Messages();
        socket(ApiAccess.of(server), "/api/v1/watch/namespaces/default/configmaps?resourceVersion=1", messages);
        await("the closing frame after the ERROR").atMost(SETTLE).until(() -> messages.closed.isDone());
        assertThat(messages.texts).hasSize(1);
        assertThat(messages.texts.getFirst()).startsWith("{\"type\":\"ERROR\"").contains("\"code\":410")
                .contains("\"reason\":\"Expired\"");
    }

    private void start(int port) {
        server = KumoServer.start(config(port));
        client = client(server);
    }

    /** The one data directory of the test, served on {@code port} (0: any). */
    private ServerConfig config(int port) {
        Path dataDir = temp.resolve("data");
        TestServers.track(dataDir);
        return new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", port),
                new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true, true);
    }

    private KubernetesClient client(KumoServer server) {
        ApiAccess access = ApiAccess.of(server);
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(access.url().toString())
                .withOauthToken(access.token().orElseThrow())
                .withCaCertFile(access.ca().orElseThrow().toString()).withNamespace("default")
                .withWatchReconnectInterval(200).build();
        return new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("transports", transports))
                .build();
    }

    private static WebSocket socket(ApiAccess access, String path, WebSocket.Listener listener) throws Exception {
        HttpClient http = access.client();
        String url = access.url().toString().replaceFirst("^http", "ws") + path;
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + access.token().orElseThrow())
                .buildAsync(java.net.URI.create(url), listener).get(30, TimeUnit.SECONDS);
    }

    private static Map<String, String> cached(SharedIndexInformer<ConfigMap> informer) {
        Map<String, String> cached = new java.util.TreeMap<>();
        informer.getStore().list().forEach(cm -> cached.put(cm.getMetadata().getName(),
                cm.getData() == null ? "" : cm.getData().getOrDefault("key", "")));
        return cached;
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .addToData("key", value).build();
    }

    /** How fabric8 opened each watch: {@code ws} (a WebSocket) or {@code http} (its fallback, a chunked GET). */
    private static final class Transports implements Interceptor {

        private final List<String> watches = new CopyOnWriteArrayList<>();

        @Override
        public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            String query = request.uri().getRawQuery();
            if (query != null && query.contains("watch=true")) {
                watches.add(builder instanceof io.fabric8.kubernetes.client.http.WebSocket.Builder ? "ws" : "http");
            }
        }

        /** Asserts that every watch so far went over a WebSocket, and that there was one. */
        void assertAllWebSocket() {
            assertThat(watches).isNotEmpty().containsOnly("ws");
        }
    }

    /** What a fabric8 watcher or informer was told, per object name, as {@code TYPE:data.key}. */
    private static final class Recorder<T extends io.fabric8.kubernetes.api.model.HasMetadata>
            implements Watcher<T>, ResourceEventHandler<T> {

        private final List<String[]> seen = new CopyOnWriteArrayList<>();
        private final List<WatcherException> closedWith = new CopyOnWriteArrayList<>();

        @Override
        public void eventReceived(Action action, T object) {
            record(action.name(), object);
        }

        @Override
        public void onClose(WatcherException cause) {
            closedWith.add(cause);
        }

        @Override
        public void onAdd(T object) {
            record("ADDED", object);
        }

        @Override
        public void onUpdate(T before, T after) {
            record("MODIFIED", after);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            record("DELETED", object);
        }

        private void record(String type, T object) {
            String value = object instanceof ConfigMap cm && cm.getData() != null ? cm.getData().get("key") : "";
            seen.add(new String[] {object.getMetadata().getName(), type + ":" + value, type});
        }

        List<String> of(String name) {
            return seen.stream().filter(s -> s[0].equals(name)).map(s -> s[1]).toList();
        }

        List<String> types(String name) {
            return seen.stream().filter(s -> s[0].equals(name)).map(s -> s[2]).toList();
        }
    }

    /** The text messages of a JDK WebSocket, and its close code once closed by the server. */
    private static final class Messages implements WebSocket.Listener {

        private final List<String> texts = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
