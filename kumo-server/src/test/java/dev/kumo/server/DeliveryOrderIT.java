package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kafka.eventing.knative.dev/delivery.order: ordered} on a Trigger and on a Subscription, end to end in a real
 * server: three keys' events, posted interleaved, reach a subscriber that answers slowly and fails one key's first
 * attempt; each key's events arrive one at a time in the order posted, and that key's retry (a second later) holds
 * back only its own events.
 */
class DeliveryOrderIT {

    private static final String EVENTING = "/apis/eventing.knative.dev/v1/namespaces/default/";
    private static final String MESSAGING = "/apis/messaging.knative.dev/v1/namespaces/default/";
    private static final String ORDERED = "\"annotations\":{\"kafka.eventing.knative.dev/delivery.order\":\"ordered\"}";
    private static final String RETRY_AFTER_A_SECOND = "\"delivery\":{\"retry\":3,\"backoffPolicy\":\"linear\","
            + "\"backoffDelay\":\"PT1S\"}";
    private static final List<String> KEYS = List.of("k0", "k1", "k2");
    private static final int PER_KEY = 5;
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        api = new TestApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOrderedTriggerDeliversEachPartitionkeyInOrderAndARetryHoldsBackOnlyItsKey() throws Exception {
        try (KeyedReceiver receiver = KeyedReceiver.failingFirstOf("k0")) {
            api.create(EVENTING + "brokers", "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\","
                    + "\"metadata\":{\"name\":\"keyed\"}}");
            api.create(EVENTING + "triggers", "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Trigger\","
                    + "\"metadata\":{\"name\":\"in-order\"," + ORDERED + "},\"spec\":{\"broker\":\"keyed\","
                    + RETRY_AFTER_A_SECOND + ",\"subscriber\":{\"uri\":\"" + receiver.uri() + "\"}}}");
            String address = api.awaitCondition(EVENTING + "brokers/keyed", "Ready", "True")
                    .at("/status/address/url").asText();
            api.awaitCondition(EVENTING + "triggers/in-order", "Ready", "True");

            deliversEachKeyInOrder(address, receiver);
        }
    }

    @Test
    void anOrderedSubscriptionDeliversEachPartitionkeyInOrderAndARetryHoldsBackOnlyItsKey() throws Exception {
        try (KeyedReceiver receiver = KeyedReceiver.failingFirstOf("k0")) {
            api.create(MESSAGING + "channels", "{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\","
                    + "\"metadata\":{\"name\":\"keyed\"}}");
            api.create(MESSAGING + "subscriptions", "{\"apiVersion\":\"messaging.knative.dev/v1\","
                    + "\"kind\":\"Subscription\",\"metadata\":{\"name\":\"in-order\"," + ORDERED + "},\"spec\":{"
                    + "\"channel\":{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\",\"name\":"
                    + "\"keyed\"}," + RETRY_AFTER_A_SECOND + ",\"subscriber\":{\"uri\":\"" + receiver.uri()
                    + "\"}}}");
            api.awaitCondition(MESSAGING + "subscriptions/in-order", "Ready", "True");
            String address = api.awaitCondition(MESSAGING + "channels/keyed", "Ready", "True")
                    .at("/status/address/url").asText();

            deliversEachKeyInOrder(address, receiver);
        }
    }

    private static void deliversEachKeyInOrder(String address, KeyedReceiver receiver) throws Exception {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < PER_KEY; i++) {
            for (String key : KEYS) {
                String id = key + "-" + i;
                posted.add(id);
                assertThat(post(address, id, key).statusCode()).isEqualTo(202);
            }
        }

        await().atMost(SETTLE).until(() -> receiver.accepted().size() == posted.size());
        List<String> accepted = receiver.accepted();
        for (String key : KEYS) {
            assertThat(accepted).filteredOn(id -> id.startsWith(key + "-"))
                    .containsExactlyElementsOf(posted.stream().filter(id -> id.startsWith(key + "-")).toList());
        }
        assertThat(receiver.attempts()).filteredOn(id -> id.startsWith("k0-"))
                .containsExactly("k0-0", "k0-0", "k0-1", "k0-2", "k0-3", "k0-4");
        assertThat(receiver.maxUnderWayPerKey()).isEqualTo(1);
        assertThat(accepted.indexOf("k0-0")).isGreaterThan(accepted.indexOf("k1-" + (PER_KEY - 1)))
                .isGreaterThan(accepted.indexOf("k2-" + (PER_KEY - 1)));
    }

    private static HttpResponse<String> post(String address, String id, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).header("ce-specversion", "1.0")
                .header("ce-id", id).header("ce-source", "/delivery-order-it").header("ce-type", "dev.kumo.keyed")
                .header("ce-partitionkey", key).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(id)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A subscriber that takes a few ms over each event (its work), fails the first attempt of one key with 500 and
     * counts how many deliveries of each key are under way at once.
     */
    private static final class KeyedReceiver implements AutoCloseable {

        private static final long WORK_NANOS = Duration.ofMillis(5).toNanos();

        private final HttpServer server;
        private final String failKey;
        private final List<String> attempts = new ArrayList<>();
        private final List<String> accepted = new ArrayList<>();
        private final Map<String, Integer> underWay = new HashMap<>();
        private int maxUnderWayPerKey;
        private boolean failed;

        private KeyedReceiver(String failKey) throws IOException {
            this.failKey = failKey;
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        static KeyedReceiver failingFirstOf(String key) throws IOException {
            return new KeyedReceiver(key);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
                String key = exchange.getRequestHeaders().getFirst("ce-partitionkey");
                String id = exchange.getRequestHeaders().getFirst("ce-id");
                synchronized (this) {
                    attempts.add(id);
                    maxUnderWayPerKey = Math.max(maxUnderWayPerKey, underWay.merge(key, 1, Integer::sum));
                }
                LockSupport.parkNanos(WORK_NANOS);
                boolean fail;
                synchronized (this) {
                    underWay.merge(key, -1, Integer::sum);
                    fail = key.equals(failKey) && !failed;
                    failed |= fail;
                    if (!fail) {
                        accepted.add(id);
                    }
                }
                exchange.sendResponseHeaders(fail ? 500 : 202, -1);
            } finally {
                exchange.close();
            }
        }

        synchronized List<String> attempts() {
            return List.copyOf(attempts);
        }

        synchronized List<String> accepted() {
            return List.copyOf(accepted);
        }

        synchronized int maxUnderWayPerKey() {
            return maxUnderWayPerKey;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
