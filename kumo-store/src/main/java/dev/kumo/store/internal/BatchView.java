package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.store.ResourceList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backend as it will be once a batch of operations is committed: the changes of the operations that already
 * succeeded in the batch, laid over what the backend holds. Later operations of the batch read through it, and the
 * batch is written to the backend in one commit (one fsync for many acknowledged writes).
 */
final class BatchView implements Backend {

    private final Backend backend;
    private final Map<ObjectKey, Optional<ObjectNode>> overlay = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();

    BatchView(Backend backend) {
        this.backend = backend;
    }

    /** The changes of every operation that succeeded so far, in order. */
    List<Change> changes() {
        return changes;
    }

    @Override
    public long resourceVersion() {
        return backend.resourceVersion();
    }

    @Override
    public Optional<ObjectNode> get(ObjectKey key) {
        Optional<ObjectNode> pending = overlay.get(key);
        return pending != null ? pending.map(ObjectNode::deepCopy) : backend.get(key);
    }

    @Override
    public ResourceList list(String resource, Optional<String> namespace, Optional<String> name) {
        throw new UnsupportedOperationException("operations do not list inside a batch");
    }

    @Override
    public List<ObjectKey> dependents(String ownerUid) {
        List<ObjectKey> keys = new ArrayList<>(backend.dependents(ownerUid).stream()
                .filter(key -> !overlay.containsKey(key)).toList());
        overlay.forEach((key, object) -> object.filter(o -> MetaNode.ownerUids(o).contains(ownerUid))
                .ifPresent(o -> keys.add(key)));
        return keys;
    }

    @Override
    public List<ObjectKey> contents(String namespace) {
        List<ObjectKey> keys = new ArrayList<>(backend.contents(namespace).stream()
                .filter(key -> !overlay.containsKey(key)).toList());
        overlay.forEach((key, object) -> {
            if (object.isPresent() && key.namespace().equals(namespace)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** Takes in the changes of one successful operation. */
    @Override
    public void apply(List<Change> operationChanges, long resourceVersion) {
        for (Change change : operationChanges) {
            switch (change) {
                case Change.Put put -> overlay.put(put.key(), Optional.of(put.object()));
                case Change.Remove remove -> overlay.put(remove.key(), Optional.empty());
            }
        }
        changes.addAll(operationChanges);
    }

    @Override
    public void close() {
        // The view owns nothing.
    }
}
