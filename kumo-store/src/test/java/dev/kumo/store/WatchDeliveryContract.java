package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** How watch events reach listeners: in order under concurrent writers, never blocking writes, and how they end. */
public interface WatchDeliveryContract extends StoreFixture {

    int WRITERS = 4;
    int OBJECTS_PER_WRITER = 25;

    @Test
    default void concurrentWritesArriveInResourceVersionOrder() throws Exception {
        RecordingListener listener = new RecordingListener();
        store().watch(ResourceTypes.CONFIGMAP, new WatchOptions(ListOptions.ALL, Optional.of(0L)), listener);

        writeConcurrently(store(), () -> { });

        List<WatchEvent> events = listener.awaitEvents(WRITERS * OBJECTS_PER_WRITER * 2);
        assertThat(events).hasSize(WRITERS * OBJECTS_PER_WRITER * 2);
        assertThat(events).extracting(WatchEvent::resourceVersion).doesNotHaveDuplicates().isSorted();
        assertThat(events.getLast().resourceVersion()).isEqualTo(store().resourceVersion());
        assertThat(replay(events)).isEqualTo(current(store()));
    }

    @Test
    default void watchStartedDuringWritesHasNoGapAndNoDuplicate() throws Exception {
        RecordingListener listener = new RecordingListener();

        writeConcurrently(store(), () -> store().watch(ResourceTypes.CONFIGMAP,
                new WatchOptions(ListOptions.ALL, Optional.empty()), listener));

        Map<String, ObjectNode> expected = current(store());
        org.awaitility.Awaitility.await().until(() -> replay(listener.events()).equals(expected));
    }

    @Test
    default void aSlowWatcherIsClosedAndWritesGoOn() {
        ResourceStore store = open(options().withWatchQueueEvents(5));
        CountDownLatch gate = new CountDownLatch(1);
        RecordingListener slow = new RecordingListener(gate);
        store.watch(ResourceTypes.CONFIGMAP, new WatchOptions(ListOptions.ALL, Optional.of(0L)), slow);

        for (int i = 0; i < 20; i++) {
            store.create(ResourceTypes.CONFIGMAP, configMap("default", "cm-" + i));
        }
        gate.countDown();

        Optional<ApiException> reason = slow.awaitClosed();
        assertThat(reason).isPresent();
        assertThat(reason.get().reason()).isEqualTo(StatusReason.Expired);
        assertThat(slow.events().size()).isLessThan(20);
        assertThat(store.list(ResourceTypes.CONFIGMAP, ListOptions.ALL).items()).hasSize(20);
    }

    @Test
    default void closingAWatchEndsItWithoutReason() {
        RecordingListener listener = new RecordingListener();
        Watch watch = store().watch(ResourceTypes.CONFIGMAP, new WatchOptions(ListOptions.ALL, Optional.empty()),
                listener);
        store().create(ResourceTypes.CONFIGMAP, configMap("default", "one"));
        listener.awaitEvents(1);

        watch.close();
        Optional<ApiException> reason = listener.awaitClosed();
        store().create(ResourceTypes.CONFIGMAP, configMap("default", "two"));
        watch.close();

        assertThat(reason).isEmpty();
        assertThat(listener.events()).hasSize(1);
        assertThat(listener.closedCalls()).isEqualTo(1);
    }

    @Test
    default void closingTheStoreEndsEveryWatch() {
        ResourceStore store = open(options());
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        store.watch(ResourceTypes.CONFIGMAP, new WatchOptions(ListOptions.ALL, Optional.empty()), first);
        store.watch(ResourceTypes.SERVICE, new WatchOptions(ListOptions.ALL, Optional.of(0L)), second);

        store.close();

        assertThat(first.awaitClosed()).isPresent();
        assertThat(second.awaitClosed()).isPresent();
        ApiException failure = failure(() -> store.create(ResourceTypes.CONFIGMAP, configMap("default", "late")));
        assertThat(failure.reason()).isEqualTo(StatusReason.ServiceUnavailable);
    }

    @Test
    default void aFailingListenerIsClosedWithTheFailure() {
        List<Optional<ApiException>> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
        store().watch(ResourceTypes.CONFIGMAP, new WatchOptions(ListOptions.ALL, Optional.empty()),
                new WatchListener() {
                    public void onEvent(WatchEvent event) {
                        throw new IllegalStateException("listener bug");
                    }

                    public void closed(Optional<ApiException> reason) {
                        closed.add(reason);
                    }
                });

        store().create(ResourceTypes.CONFIGMAP, configMap("default", "one"));

        org.awaitility.Awaitility.await().until(() -> !closed.isEmpty());
        assertThat(closed.getFirst().orElseThrow().getMessage()).contains("listener bug");
    }

    /** Writers each create their objects and then relabel them; {@code midway} runs once half are done. */
    private static void writeConcurrently(ResourceStore store, Runnable midway) throws Exception {
        CountDownLatch half = new CountDownLatch(WRITERS);
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < OBJECTS_PER_WRITER; i++) {
                        ObjectNode created = store.create(ResourceTypes.CONFIGMAP,
                                configMap("default", "w" + writer + "-" + i));
                        store.update(ResourceTypes.CONFIGMAP, edited(created, label("round", "2")));
                        if (i == OBJECTS_PER_WRITER / 2) {
                            half.countDown();
                        }
                    }
                    return null;
                }));
            }
            half.await();
            midway.run();
            for (Future<?> future : done) {
                future.get();
            }
        }
    }

    /** The objects a watcher knows of after applying the events; an impossible sequence fails the test. */
    private static Map<String, ObjectNode> replay(List<WatchEvent> events) {
        Map<String, ObjectNode> objects = new HashMap<>();
        for (WatchEvent event : events) {
            String name = name(event.object());
            switch (event.type()) {
                case ADDED -> assertThat(objects.put(name, event.object())).as("duplicate ADDED " + name).isNull();
                case MODIFIED -> assertThat(objects.put(name, event.object())).as("MODIFIED before ADDED " + name)
                        .isNotNull();
                case DELETED -> assertThat(objects.remove(name)).as("DELETED unknown " + name).isNotNull();
                case BOOKMARK -> { }
            }
        }
        return objects;
    }

    private static Map<String, ObjectNode> current(ResourceStore store) {
        Map<String, ObjectNode> objects = new HashMap<>();
        store.list(ResourceTypes.CONFIGMAP, ListOptions.ALL).items().forEach(o -> objects.put(name(o), o));
        return objects;
    }
}
