package dev.kumo.controller.testing;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ForwardingStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceList;
import dev.kumo.store.ResourceStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that counts the lists made of each kind, for tests about how much a reconcile reads. */
public final class CountingStore extends ForwardingStore {

    private final Map<ResourceType, AtomicInteger> lists = new ConcurrentHashMap<>();

    public CountingStore(ResourceStore store) {
        super(store);
    }

    /** How many times {@code type} was listed. */
    public int lists(ResourceType type) {
        return lists.getOrDefault(type, new AtomicInteger()).get();
    }

    @Override
    public ResourceList list(ResourceType type, ListOptions options) {
        lists.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
        return super.list(type, options);
    }
}
