package dev.kumo.server.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the series of a deleted object from the registry, as the router removes a Revision's once it is no longer
 * routed: a Revision's usage counters ({@code kumo_usage_*}, tag {@code revision}), a Trigger's or a Subscription's
 * deliveries ({@code event_count}, {@code event_dispatch_latencies}, tag {@code trigger}). A count arriving after
 * the deletion (the ledger's last seconds of a stopping instance, a late attempt) is refused rather than bringing the
 * series back, until an object of that kind, namespace and name is created again (the deleted objects are remembered
 * while the server runs: a few dozen bytes each).
 */
public final class DeletedObjectMeters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeletedObjectMeters.class);

    /** Which meters belong to an object of {@code type}: names starting {@code prefix}, its name in {@code tag}. */
    record Owned(ResourceType type, String prefix, String tag) {
    }

    static final List<Owned> OWNED = List.of(new Owned(ResourceTypes.REVISION, "kumo.usage.", "revision"),
            new Owned(ResourceTypes.TRIGGER, "event.", "trigger"),
            new Owned(ResourceTypes.SUBSCRIPTION, "event.", "trigger"));

    private record Gone(Owned owned, String namespace, String name) {

        boolean owns(Meter.Id id) {
            return id.getName().startsWith(owned.prefix()) && namespace.equals(id.getTag("namespace"))
                    && name.equals(id.getTag(owned.tag()));
        }
    }

    private final MeterRegistry registry;
    private final Set<Gone> gone = ConcurrentHashMap.newKeySet();
    private final List<Watch> watches = new ArrayList<>();
    private volatile boolean closing;

    private DeletedObjectMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Installs the filter refusing deleted objects' meters in {@code registry}; call it before any meter is
     * registered there (Micrometer applies a filter to the meters registered after it only).
     */
    public static DeletedObjectMeters refusingIn(MeterRegistry registry) {
        DeletedObjectMeters meters = new DeletedObjectMeters(registry);
        registry.config().meterFilter(MeterFilter.deny(meters::refused));
        return meters;
    }

    /** Starts watching Revisions, Triggers and Subscriptions in {@code store} for their deletion. */
    public DeletedObjectMeters watching(ResourceStore store) {
        OWNED.forEach(owned -> watch(store, owned));
        return this;
    }

    private void watch(ResourceStore store, Owned owned) {
        Watch watch = store.watch(owned.type(), new WatchOptions(ListOptions.ALL, Optional.empty()),
                new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        changed(owned, event);
                    }

                    @Override
                    public void closed(Optional<ApiException> reason) {
                        if (reason.isPresent() && !closing) {
                            LOG.warn("watching {} for deleted objects' meters ended ({}); watching again",
                                    owned.type().plural(), reason.get().getMessage());
                            watch(store, owned);
                        }
                    }
                });
        synchronized (watches) {
            watches.add(watch);
        }
    }

    /** Whether {@code id} is a meter of a deleted object (looked up, not searched: this runs per new series). */
    private boolean refused(Meter.Id id) {
        for (Owned owned : OWNED) {
            String namespace = id.getTag("namespace");
            String name = id.getTag(owned.tag());
            if (id.getName().startsWith(owned.prefix()) && namespace != null && name != null
                    && gone.contains(new Gone(owned, namespace, name))) {
                return true;
            }
        }
        return false;
    }

    private void changed(Owned owned, WatchEvent event) {
        ObjectNode metadata = (ObjectNode) event.object().path("metadata");
        Gone key = new Gone(owned, metadata.path("namespace").asText(""), metadata.path("name").asText(""));
        switch (event.type()) {
            case ADDED -> gone.remove(key);
            case DELETED -> {
                gone.add(key);
                registry.getMeters().stream().filter(m -> key.owns(m.getId())).toList().forEach(registry::remove);
            }
            default -> { }
        }
    }

    @Override
    public void close() {
        closing = true;
        synchronized (watches) {
            watches.forEach(Watch::close);
        }
    }
}
