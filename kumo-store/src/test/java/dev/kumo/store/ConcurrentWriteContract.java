package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.meta;
import static dev.kumo.store.TestObjects.resourceVersion;
import static dev.kumo.store.TestObjects.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many writers at once (the store commits them in batches): each write succeeds or fails on its own. */
public interface ConcurrentWriteContract extends StoreFixture {

    @Test
    default void concurrentWritesEachSucceedOrFailAlone() {
        ResourceStore store = store(); // opened once, before the writers share it
        int writers = 16;
        int perWriter = 20;
        Set<String> versions = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger successes = new AtomicInteger();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                pool.execute(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        // Every name is written twice, by two writers: exactly one of the two creates wins.
                        String name = "svc-" + (writer / 2) + "-" + i;
                        try {
                            ObjectNode created = store.create(ResourceTypes.SERVICE, service("default", name));
                            versions.add(resourceVersion(created));
                            successes.incrementAndGet();
                        } catch (ApiException e) {
                            if (e.reason().name().equals("AlreadyExists")) {
                                duplicates.incrementAndGet();
                            } else {
                                unexpected.add(e);
                            }
                        } catch (RuntimeException | Error e) {
                            unexpected.add(e);
                        }
                    }
                });
            }
        }
        assertThat(unexpected).isEmpty();
        List<ObjectNode> stored = new ArrayList<>(store().list(ResourceTypes.SERVICE, ListOptions.ALL).items());
        assertThat(stored).hasSize(writers / 2 * perWriter);
        assertThat(duplicates.get()).as("successes %d", successes.get())
                .isEqualTo(writers / 2 * perWriter);
        assertThat(versions).hasSize(stored.size());
        assertThat(stored).extracting(TestObjects::resourceVersion).containsExactlyInAnyOrderElementsOf(versions);
    }

    @Test
    default void aFailingWriteInABatchLeavesTheOthersIntact() {
        ResourceStore store = store(); // opened once, before the writers share it
        ObjectNode current = store.create(ResourceTypes.SERVICE, service("default", "hello"));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                int n = i;
                pool.execute(() -> {
                    ObjectNode stale = current.deepCopy();
                    meta(stale).withObjectProperty("labels").put("n", Integer.toString(n));
                    try {
                        store.update(ResourceTypes.SERVICE, stale); // only the first of these can win
                    } catch (ApiException e) {
                        assertThat(e.reason().name()).isEqualTo("Conflict");
                    }
                    store.create(ResourceTypes.CONFIGMAP, configMap("default", "cm-" + n));
                });
            }
        }
        assertThat(store().list(ResourceTypes.CONFIGMAP, ListOptions.ALL).items()).hasSize(8);
        ObjectNode after = store().get(ResourceTypes.SERVICE, "default", "hello").orElseThrow();
        assertThat(Long.parseLong(resourceVersion(after))).isGreaterThan(Long.parseLong(resourceVersion(current)));
    }
}
