package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.store.ResourceList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A backend in memory: a sorted map of object trees and an owner index, guarded by a read-write lock. */
public final class MemoryBackend implements Backend {

    private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::resource)
            .thenComparing(ObjectKey::namespace)
            .thenComparing(ObjectKey::name);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<ObjectKey, ObjectNode> objects = new TreeMap<>(ORDER);
    private final Map<String, Set<ObjectKey>> dependents = new HashMap<>();
    private long resourceVersion;

    @Override
    public long resourceVersion() {
        return read(() -> resourceVersion);
    }

    @Override
    public Optional<ObjectNode> get(ObjectKey key) {
        return read(() -> Optional.ofNullable(objects.get(key)).map(ObjectNode::deepCopy));
    }

    @Override
    public ResourceList list(String resource, Optional<String> namespace, Optional<String> name) {
        return read(() -> {
            List<ObjectNode> items = new ArrayList<>();
            objects.subMap(new ObjectKey(resource, "", ""), true, new ObjectKey(resource + "\0", "", ""), false)
                    .forEach((key, object) -> {
                        if (namespace.map(key.namespace()::equals).orElse(true)
                                && name.map(key.name()::equals).orElse(true)) {
                            items.add(object.deepCopy());
                        }
                    });
            return new ResourceList(items, resourceVersion);
        });
    }

    @Override
    public List<ObjectKey> dependents(String ownerUid) {
        return read(() -> List.copyOf(dependents.getOrDefault(ownerUid, Set.of())));
    }

    @Override
    public List<ObjectKey> contents(String namespace) {
        return read(() -> objects.keySet().stream().filter(key -> key.namespace().equals(namespace)).toList());
    }

    @Override
    public void apply(List<Change> changes, long resourceVersion) {
        lock.writeLock().lock();
        try {
            for (Change change : changes) {
                ObjectNode previous = switch (change) {
                    case Change.Put put -> objects.put(put.key(), put.object().deepCopy());
                    case Change.Remove remove -> objects.remove(remove.key());
                };
                if (previous != null) {
                    MetaNode.ownerUids(previous).forEach(uid -> unindex(uid, change.key()));
                }
                if (change instanceof Change.Put put) {
                    put.ownerUids().forEach(uid ->
                            dependents.computeIfAbsent(uid, u -> new LinkedHashSet<>()).add(put.key()));
                }
            }
            this.resourceVersion = resourceVersion;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        // Nothing to release: the objects go with this instance.
    }

    private void unindex(String ownerUid, ObjectKey key) {
        Set<ObjectKey> keys = dependents.get(ownerUid);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            dependents.remove(ownerUid);
        }
    }

    private <T> T read(java.util.function.Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
