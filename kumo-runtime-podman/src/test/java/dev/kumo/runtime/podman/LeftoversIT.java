package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pods a killed predecessor left are removed even when podman refuses the first removal, from a server on a real
 * unix socket answering as podman does for a pod whose container a dead service left half-made.
 */
class LeftoversIT {

    @TempDir
    Path dir;
    private FakePodman fake;
    private PodmanClient podman;
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger removals = new AtomicInteger();

    @BeforeEach
    void startFakePodman() {
        fake = FakePodman.start(dir, request -> {
            if (request.path().endsWith("/libpod/pods/json")) {
                request.response().end(new JsonArray().add(new JsonObject().put("Name", "kumo-k-rev-00001-abcde"))
                        .encode());
            } else if (request.path().endsWith("/libpod/containers/json")) {
                request.response().end("[]");
            } else if (request.method().name().equals("DELETE") && request.path().contains("/pods/")) {
                removals.incrementAndGet();
                if (refusals.getAndDecrement() > 0) {
                    request.response().setStatusCode(500).end(new JsonObject().put("cause", "container state "
                            + "improper").put("message", "container is in state initialized").encode());
                } else {
                    request.response().end("{}");
                }
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        podman = fake.client();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRefusedRemovalIsTriedAgain() {
        refusals.set(2);
        Leftovers leftovers = new Leftovers(dir, "k");
        List<String> removed = leftovers.removeRetrying(() -> CompletableFuture.completedFuture(podman), 4,
                Duration.ofMillis(10)).join();
        assertThat(removed).containsExactly("kumo-k-rev-00001-abcde");
        assertThat(removals).hasValue(3);
    }

    @Test
    void aRemovalRefusedEveryTimeFailsWithPodmansMessageAfterTheLastAttempt() {
        refusals.set(100);
        Leftovers leftovers = new Leftovers(dir, "k");
        assertThatThrownBy(() -> leftovers.removeRetrying(() -> CompletableFuture.completedFuture(podman), 3,
                Duration.ofMillis(10)).join()).cause().isInstanceOf(PodmanException.class)
                .hasMessageContaining("removing pod kumo-k-rev-00001-abcde")
                .hasMessageContaining("container is in state initialized");
        assertThat(removals).hasValue(3);
    }
}
