package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the client takes podman's odd answers, from a server on a real unix socket answering as podman was seen to on
 * a loaded machine: a 2xx, or a 404, with an empty body.
 */
class PodmanAnswersIT {

    @TempDir
    Path dir;
    private FakePodman fake;
    private PodmanClient podman;
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final AtomicInteger emptyAnswers = new AtomicInteger();
    private final AtomicInteger emptyNotFounds = new AtomicInteger();

    @BeforeEach
    void startFakePodman() {
        fake = FakePodman.start(dir, request -> {
            asked.computeIfAbsent(request.method() + " " + request.path(), key -> new AtomicInteger())
                    .incrementAndGet();
            if (emptyAnswers.getAndDecrement() > 0) {
                request.response().setStatusCode(200).end();
            } else if (request.path().contains("/missing")) {
                request.response().setStatusCode(404).end(emptyNotFounds.getAndDecrement() > 0 ? ""
                        : new JsonObject().put("cause", "no such container").put("message",
                                "no container with name or ID \"missing\" found: no such container").encode());
            } else if (request.path().endsWith("/pods/create")) {
                request.response().setStatusCode(201).end(new JsonObject().put("Id", "pod-id").encode());
            } else {
                request.response().setStatusCode(200).end(new JsonObject().put("Id", "c1").encode());
            }
        });
        podman = fake.client();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aReadAnsweredWithNothingIsAskedAgain() {
        emptyAnswers.set(2);
        assertThat(podman.inspectContainer("c1").join().getString("Id")).isEqualTo("c1");
        assertThat(asked.get("GET /v4.0.0/libpod/containers/c1/json")).hasValue(3);
    }

    @Test
    void aReadAnsweredWithNothingEachTimeFailsNamingTheCall() {
        emptyAnswers.set(10);
        assertThatThrownBy(() -> podman.inspectPod("p1").join()).cause().isInstanceOf(PodmanException.class)
                .hasMessage("inspecting pod p1: podman answered an empty body");
        assertThat(asked.get("GET /v4.0.0/libpod/pods/p1/json")).hasValue(3);
    }

    @Test
    void aWriteAnsweredWithNothingIsNotRepeated() {
        emptyAnswers.set(1);
        assertThatThrownBy(() -> podman.createPod(new JsonObject().put("name", "p1")).join()).cause()
                .isInstanceOf(PodmanException.class).hasMessage("creating pod p1: podman answered an empty body");
        assertThat(asked.get("POST /v4.0.0/libpod/pods/create")).hasValue(1);
        assertThat(podman.createPod(new JsonObject().put("name", "p1")).join()).isEqualTo("pod-id");
    }

    @Test
    void aNotFoundReadAnsweredWithNothingIsAskedAgainForPodmansMessage() {
        emptyNotFounds.set(1);
        assertThatThrownBy(() -> podman.inspectContainer("missing").join()).cause().isInstanceOf(PodmanException.class)
                .hasMessageContaining("inspecting container missing").hasMessageContaining("no such container")
                .satisfies(failure -> assertThat(((PodmanException) failure).notFound()).isTrue());
        assertThat(asked.get("GET /v4.0.0/libpod/containers/missing/json")).hasValue(2);
    }

    @Test
    void aNotFoundAnsweredWithNothingEachTimeIsStillNotFound() {
        emptyNotFounds.set(10);
        assertThatThrownBy(() -> podman.inspectContainer("missing").join()).cause().isInstanceOf(PodmanException.class)
                .hasMessage("inspecting container missing: podman gave no message (HTTP 404)")
                .satisfies(failure -> assertThat(((PodmanException) failure).notFound()).isTrue());
        assertThat(asked.get("GET /v4.0.0/libpod/containers/missing/json")).hasValue(3);
    }
}
