package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstanceDrainTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");

    private final ResourceStore store = InMemoryStore.create();
    private final FakeRuntime runtime = new FakeRuntime("process");
    private final AtomicInteger inFlight = new AtomicInteger();
    private final InstanceDrain drain = new InstanceDrain(runtime, (revision, address) -> inFlight.get());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDeletedPodsInstanceFinishesTheRequestInFlightWithinItsRevisionsTimeout() {
        store.create(ResourceTypes.REVISION, Json.parseObject("""
                {"apiVersion": "serving.knative.dev/v1", "kind": "Revision",
                 "metadata": {"name": "hello-00001", "namespace": "default"},
                 "spec": {"timeoutSeconds": 30, "containers": [{"image": "hello"}]}}
                """));
        String id = runtime.start(WorkloadSpec.process(HELLO).command("app").build()).id();
        Instance ready = new Instance(id, HELLO, new InstanceState.Ready(InstanceAddress.loopback(40123),
                Instant.EPOCH, Instant.EPOCH), 0);
        inFlight.set(1);
        drain.drainWithRevisionGrace(ready, store);
        assertThat(drain.draining(id)).isTrue();
        await("still serving its request").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> runtime.instance(id).isPresent());
        inFlight.set(0);
        await("stopped once idle").atMost(Duration.ofSeconds(5)).until(() -> runtime.instance(id).isEmpty());
    }

    @Test
    void theGraceIsTheRevisionsTimeoutOrKnativesDefault() {
        assertThat(InstanceDrain.graceOf(Optional.of(30L))).isEqualTo(Duration.ofSeconds(30));
        assertThat(InstanceDrain.graceOf(Optional.empty())).isEqualTo(Duration.ofSeconds(300));
    }
}
