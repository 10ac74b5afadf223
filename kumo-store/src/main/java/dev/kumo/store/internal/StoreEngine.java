package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceList;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The one implementation of the store's Kubernetes semantics, over any {@link Backend}: writes run one at a time,
 * each as a {@link Transaction} committed to the backend and then published to the {@link WatchHub}; reads go to
 * the backend directly and run concurrently.
 */
public final class StoreEngine implements ResourceStore {

    private static final int WATCH_START_ATTEMPTS = 5;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Queue<PendingWrite> queue = new ConcurrentLinkedQueue<>();
    private final Backend backend;
    private final WatchHub hub;
    private final Creation creation;
    private final Updating updating;
    private final Deletion deletion;
    private volatile long resourceVersion;
    private volatile boolean closed;

    public StoreEngine(Backend backend, StoreOptions options) {
        this(backend, options, new NameGenerator(RandomGenerator.getDefault()));
    }

    StoreEngine(Backend backend, StoreOptions options, NameGenerator names) {
        this.backend = backend;
        this.resourceVersion = backend.resourceVersion();
        this.hub = new WatchHub(resourceVersion, options.watchWindowEvents(), options.watchQueueEvents());
        this.creation = new Creation(options.clock(), names);
        this.deletion = new Deletion(options.clock());
        this.updating = new Updating(deletion);
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return write(tx -> creation.create(tx, type, object));
    }

    @Override
    public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        checkOpen();
        return backend.get(ObjectKey.of(type, namespace, name));
    }

    @Override
    public ResourceList list(ResourceType type, ListOptions options) {
        checkOpen();
        ListOptions scoped = scoped(type, options);
        ResourceList all = backend.list(type.storageKey(), scoped.namespace(), scoped.name());
        if (scoped.labels().isEverything() && scoped.fields().isEmpty()) {
            return all;
        }
        List<ObjectNode> matching = all.items().stream()
                .filter(object -> scoped.labels().matches(MetaNode.labels(object)) && scoped.matchesFields(object))
                .toList();
        return new ResourceList(matching, all.resourceVersion());
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        return write(tx -> updating.update(tx, type, object));
    }

    @Override
    public ObjectNode updateStatus(ResourceType type, ObjectNode object) {
        return write(tx -> updating.updateStatus(tx, type, object));
    }

    @Override
    public ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        ObjectKey key = ObjectKey.of(type, namespace, name);
        return write(tx -> {
            ObjectNode stored = tx.get(key).orElseThrow(() -> ApiException.notFound(key.resource(), name));
            Preconditions.checkDelete(key, stored, options.uid(), options.resourceVersion());
            return deletion.delete(tx, key, stored, options.propagation());
        });
    }

    @Override
    public Watch watch(ResourceType type, WatchOptions options, WatchListener listener) {
        checkOpen();
        WatchFilter filter = new WatchFilter(type.storageKey(), scoped(type, options.filter()));
        if (options.sinceResourceVersion().isPresent()) {
            return hub.subscribe(filter, options.sinceResourceVersion().get(), List.of(), listener);
        }
        // The snapshot and the hub meet at the snapshot's resourceVersion: no gap, no duplicate. Writes may race
        // ahead of a slow list far enough to leave the window; then list again.
        for (int attempt = 1; ; attempt++) {
            ResourceList current = list(type, filter.options());
            List<WatchEvent> added = current.items().stream()
                    .map(object -> new WatchEvent(WatchEvent.Type.ADDED, object, current.resourceVersion()))
                    .toList();
            try {
                return hub.subscribe(filter, current.resourceVersion(), added, listener);
            } catch (ApiException e) {
                if (e.reason() != StatusReason.Expired || attempt == WATCH_START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public long resourceVersion() {
        return resourceVersion;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            hub.close();
            backend.close();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs a write with group commit: the caller queues its operation; whoever holds the write lock runs every
     * queued operation in one batch, each in its own transaction over the batch so far (a failing operation leaves
     * no trace), commits the batch to the backend once, publishes its events and acknowledges every caller. One
     * fsync then covers many concurrent writes; a lone write is a batch of one.
     */
    private ObjectNode write(Function<Transaction, ObjectNode> operation) {
        PendingWrite pending = new PendingWrite(operation);
        queue.add(pending);
        writeLock.lock();
        try {
            if (!pending.isDone()) {
                runBatch();
            }
        } finally {
            writeLock.unlock();
        }
        return pending.result();
    }

    private void runBatch() {
        List<PendingWrite> batch = new ArrayList<>();
        for (PendingWrite next; (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        try {
            runBatch(batch);
        } finally {
            // Whatever ended the batch early (an Error), no caller may wait for or misread a write that did not run.
            for (PendingWrite write : batch) {
                if (!write.isDone()) {
                    write.fail(new ApiException(StatusReason.InternalError, "the write was abandoned: its batch"
                            + " failed unexpectedly", "", "", List.of()));
                }
            }
        }
    }

    private void runBatch(List<PendingWrite> batch) {
        if (closed) {
            batch.forEach(w -> w.fail(StoreClosed.exception()));
            return;
        }
        BatchView view = new BatchView(backend);
        long version = resourceVersion;
        List<HubEvent> events = new ArrayList<>();
        List<PendingWrite> succeeded = new ArrayList<>();
        for (PendingWrite write : batch) {
            Transaction tx = new Transaction(view, version);
            try {
                ObjectNode result = write.operation().apply(tx);
                events.addAll(tx.commit());
                version = tx.resourceVersion();
                write.succeed(result.deepCopy());
                succeeded.add(write);
            } catch (RuntimeException e) {
                write.fail(e);
            }
        }
        if (!view.changes().isEmpty()) {
            try {
                backend.apply(view.changes(), version);
            } catch (RuntimeException e) {
                // Nothing of the batch was stored: its writers fail, and the next batch numbers on from the
                // resourceVersion the backend read back from the database, so none is handed out twice.
                resourceVersion = Math.max(resourceVersion, backend.resourceVersion());
                succeeded.forEach(w -> w.fail(e));
                return;
            }
        }
        if (!events.isEmpty()) {
            resourceVersion = events.getLast().resourceVersion();
            hub.publish(events);
        }
        succeeded.forEach(PendingWrite::acknowledge);
    }

    /** How many writes wait for a batch to run them (for tests of group commit). */
    int queuedWrites() {
        return queue.size();
    }

    private void checkOpen() {
        if (closed) {
            throw StoreClosed.exception();
        }
    }

    /** Cluster-scoped kinds have no namespaces to filter by. */
    private static ListOptions scoped(ResourceType type, ListOptions options) {
        return type.namespaced() ? options
                : new ListOptions(Optional.empty(), options.labels(), options.name(), options.fields());
    }
}
