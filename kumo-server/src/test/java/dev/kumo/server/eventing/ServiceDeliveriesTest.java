package dev.kumo.server.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Deliveries counted on event loops while drains run elsewhere: none is lost, none counted twice. */
class ServiceDeliveriesTest {

    private static final int THREADS = 4;
    private static final int EACH = 20_000;

    @Test
    void everyDeliveryReachesExactlyOneDrainWhileDrainsRunConcurrently() throws Exception {
        ResourceStore store = InMemoryStore.create();
        com.fasterxml.jackson.databind.node.ObjectNode created = store.create(ResourceTypes.SERVICE,
                Json.parseObject("""
                        {"apiVersion": "serving.knative.dev/v1", "kind": "Service",
                         "metadata": {"name": "hello", "namespace": "default"}}
                        """));
        created.putObject("status").putObject("address").put("url", "http://127.0.0.1:41234");
        store.updateStatus(ResourceTypes.SERVICE, created);
        ServiceDeliveries deliveries = new ServiceDeliveries(store);
        AtomicLong drained = new AtomicLong();
        ServiceDeliveries.Sink sink = (namespace, service, count) -> drained.addAndGet(count);
        AtomicBoolean counting = new AtomicBoolean(true);
        Thread drainer = Thread.ofPlatform().start(() -> {
            while (counting.get()) {
                deliveries.drainTo(sink);
            }
        });
        List<Thread> loops = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            loops.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < EACH; i++) {
                    deliveries.delivered(new TriggerRef("default", "all"), URI.create("http://127.0.0.1:41234/"));
                }
            }));
        }
        for (Thread loop : loops) {
            loop.join();
        }
        counting.set(false);
        drainer.join();
        deliveries.drainTo(sink);

        assertThat(drained.get()).isEqualTo((long) THREADS * EACH);
    }
}
