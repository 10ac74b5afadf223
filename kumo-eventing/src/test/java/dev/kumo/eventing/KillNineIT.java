package dev.kumo.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event the mesh answered 202 reaches the subscriber at least once, even when the mesh's process is killed
 * with {@code kill -9} in the middle of a burst and restarted on the same log.
 */
class KillNineIT {

    private static final int CLIENTS = 4;
    private static final int EVENTS = 10_000;
    private static final int ACKS_BEFORE_KILL = 3_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void everyAcceptedEventIsDeliveredAfterKillNineAndRestart() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RecordingSubscriber subscriber = RecordingSubscriber.start(vertx)) {
            Path database = dir.resolve("events.db");
            Set<String> accepted = ConcurrentHashMap.newKeySet();

            Process mesh = startMesh(database, subscriber, "first");
            try {
                Ingress ingress = new Ingress(port(mesh, "first"));
                List<CompletableFuture<Void>> clients = IntStream.range(0, CLIENTS).mapToObj(client ->
                        CompletableFuture.runAsync(() -> burst(ingress, client, accepted))).toList();
                await().atMost(WAIT).until(() -> accepted.size() >= ACKS_BEFORE_KILL || !mesh.isAlive());
                assertThat(mesh.isAlive()).as("the mesh died before the kill").isTrue();
                mesh.destroyForcibly();
                assertThat(mesh.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(mesh.exitValue()).isEqualTo(137);
                CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                mesh.destroyForcibly();
            }
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL).hasSizeLessThan(EVENTS);

            Process restarted = startMesh(database, subscriber, "second");
            try {
                port(restarted, "second");
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> new HashSet<>(subscriber.ids()).containsAll(accepted));
                System.out.printf("KillNineIT: %d of %d events accepted before kill -9, %d deliveries in all%n",
                        accepted.size(), EVENTS, subscriber.ids().size());
            } finally {
                restarted.destroyForcibly();
                restarted.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Posts this client's share of the events until the mesh stops answering. */
    private static void burst(Ingress ingress, int client, Set<String> accepted) {
        for (int i = client; i < EVENTS; i += CLIENTS) {
            String id = "k-" + i;
            try {
                if (ingress.postBinary("/default/b", id, "t").statusCode() == 202) {
                    accepted.add(id);
                }
            } catch (UncheckedIOException e) {
                return;
            }
        }
    }

    private Process startMesh(Path database, RecordingSubscriber subscriber, String name) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                MeshMain.class.getName(), database.toString(), subscriber.uri().toString())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    private int port(Process mesh, String name) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(mesh.getInputStream(),
                StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.startsWith("port ")) {
            throw new IllegalStateException("the mesh did not start: " + line + "\n"
                    + Files.readString(dir.resolve(name + ".err")));
        }
        return Integer.parseInt(line.substring("port ".length()));
    }
}
