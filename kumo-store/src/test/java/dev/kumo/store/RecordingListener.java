package dev.kumo.store;

import static org.awaitility.Awaitility.await;

import dev.kumo.api.errors.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A watch listener that records what it hears; optionally it holds every event until a gate opens. */
public final class RecordingListener implements WatchListener {

    private final List<WatchEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<Optional<ApiException>> closedWith = new AtomicReference<>();
    private final AtomicInteger closedCalls = new AtomicInteger();
    private final CountDownLatch gate;

    public RecordingListener() {
        this(new CountDownLatch(0));
    }

    /** A slow listener: each event waits for {@code gate} to open before it is recorded. */
    public RecordingListener(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public void onEvent(WatchEvent event) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.add(event);
    }

    @Override
    public void closed(Optional<ApiException> reason) {
        closedWith.set(reason);
        closedCalls.incrementAndGet();
    }

    public List<WatchEvent> events() {
        return List.copyOf(events);
    }

    /** Each event as {@code TYPE namespace/name}, or {@code TYPE name} for cluster-scoped objects. */
    public List<String> summary() {
        return events.stream().map(RecordingListener::describe).toList();
    }

    /** Waits until at least {@code count} events arrived; returns them all. */
    public List<WatchEvent> awaitEvents(int count) {
        await().until(() -> events.size() >= count);
        return events();
    }

    /** Waits for {@code closed} and returns its reason. */
    public Optional<ApiException> awaitClosed() {
        await().until(() -> closedWith.get() != null);
        return closedWith.get();
    }

    public int closedCalls() {
        return closedCalls.get();
    }

    static String describe(WatchEvent event) {
        String namespace = event.object().path("metadata").path("namespace").asText("");
        String name = event.object().path("metadata").path("name").asText();
        return event.type() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
