package dev.kumo.controller.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A reconciler that records every call and answers as told per key (default: done). */
final class RecordingReconciler implements Reconciler {

    private final List<NamespacedName> calls = new CopyOnWriteArrayList<>();
    private final Map<NamespacedName, Function<NamespacedName, Result>> behaviours = new ConcurrentHashMap<>();
    private final Map<NamespacedName, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlightPerKey = new AtomicInteger();

    void on(NamespacedName key, Function<NamespacedName, Result> behaviour) {
        behaviours.put(key, behaviour);
    }

    @Override
    public Result reconcile(NamespacedName key) {
        calls.add(key);
        AtomicInteger current = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
        maxInFlightPerKey.accumulateAndGet(current.incrementAndGet(), Math::max);
        try {
            return behaviours.getOrDefault(key, k -> Result.done()).apply(key);
        } finally {
            current.decrementAndGet();
        }
    }

    long calls(NamespacedName key) {
        return calls.stream().filter(key::equals).count();
    }

    int maxInFlightPerKey() {
        return maxInFlightPerKey.get();
    }

    void reset() {
        calls.clear();
    }
}
