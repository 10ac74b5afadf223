package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server in the middle of a write burst: every write the API acknowledged (201) is there after a
 * restart, whole and with the uid it was acknowledged with.
 */
class KillNineIT {

    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final Duration BURST_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            ApiAccess access = server.access();
            String url = "/apis/serving.knative.dev/v1/namespaces/default/services";
            AtomicBoolean stop = new AtomicBoolean();
            Instant deadline = Instant.now().plus(BURST_LIMIT);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            HttpClient client = access.client();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.execute(() -> {
                    for (int i = 0; !stop.get() && Instant.now().isBefore(deadline); i++) {
                        String name = "svc-" + writer + "-" + i;
                        try {
                            HttpResponse<String> response = client.send(access.request(url)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(service(name))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.put(name, Json.parseObject(response.body()).at("/metadata/uid").asText());
                            }
                        } catch (Exception e) {
                            return; // the server died under us: that is the point of the test
                        }
                    }
                });
            }
            await().atMost(BURST_LIMIT).until(() -> acknowledged.size() >= ACKS_BEFORE_KILL);
            server.kill();
            stop.set(true);
            writers.shutdown();
        }
        Map<String, String> acked = Map.copyOf(acknowledged);
        try (KumoServer restarted = KumoServer.start(TestServers.config(dataDir))) {
            for (Map.Entry<String, String> entry : acked.entrySet()) {
                JsonNode stored = restarted.store().get(dev.kumo.api.kinds.ResourceTypes.SERVICE, "default",
                        entry.getKey()).orElseThrow(() -> new AssertionError(entry.getKey() + " was lost"));
                assertThat(stored.at("/metadata/uid").asText()).isEqualTo(entry.getValue());
                assertThat(stored.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("example.com/x");
            }
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }

    private static String service(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"example.com/x\"}]}}}}";
    }
}
