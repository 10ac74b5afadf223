package dev.kumo.server.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.eventing.api.ChannelRef;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the series of a deleted object from the registry, as the router removes a Revision's once it is no longer
 * routed: a Revision's usage counters ({@code kumo_usage_*}, tag {@code revision}), a Trigger's or a Subscription's
 * deliveries ({@code event_count}, {@code event_dispatch_latencies}, tag {@code trigger}: a Trigger's name, a
 * channel Subscription's {@code subscription:CHANNEL:UID}, so the two never match each other). A count arriving
 * after the deletion (the ledger's last seconds of a stopping instance, a late attempt) is refused rather than
 * bringing the series back, until an object of that kind, namespace and name is created again (a Subscription's uid
 * is never reused; the deleted objects are remembered while the server runs: a few dozen bytes each). Whoever keeps
 * other per-object state may hear the same deletions ({@link #onDeleted}).
 */
public final class DeletedObjectMeters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeletedObjectMeters.class);

    /**
     * Which meters belong to an object of {@code type}: names starting {@code prefix}, whose {@code tag} gives the
     * object's key ({@code keyOfTag}, empty for another kind's value) as {@code keyOfObject} reads it off the object.
     */
    record Owned(ResourceType type, String prefix, String tag, Function<String, Optional<String>> keyOfTag,
            Function<JsonNode, String> keyOfObject) {
    }

    private static final Function<JsonNode, String> NAME = object -> object.path("metadata").path("name").asText("");

    static final List<Owned> OWNED = List.of(
            new Owned(ResourceTypes.REVISION, "kumo.usage.", "revision", Optional::of, NAME),
            new Owned(ResourceTypes.TRIGGER, "event.", "trigger",
                    tag -> ChannelRef.subscriptionUid(tag).isPresent() ? Optional.empty() : Optional.of(tag), NAME),
            new Owned(ResourceTypes.SUBSCRIPTION, "event.", "trigger", ChannelRef::subscriptionUid,
                    object -> object.path("metadata").path("uid").asText("")));

    private record Gone(Owned owned, String namespace, String key) {

        boolean owns(Meter.Id id) {
            String tag = id.getTag(owned.tag());
            return id.getName().startsWith(owned.prefix()) && namespace.equals(id.getTag("namespace"))
                    && tag != null && owned.keyOfTag().apply(tag).filter(key::equals).isPresent();
        }
    }

    private final MeterRegistry registry;
    private final List<BiConsumer<ResourceType, JsonNode>> deletions = new CopyOnWriteArrayList<>();
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

    /** Tells {@code deleted} each Revision, Trigger and Subscription deleted from now on, with its type. */
    public DeletedObjectMeters onDeleted(BiConsumer<ResourceType, JsonNode> deleted) {
        deletions.add(deleted);
        return this;
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
            String tag = id.getTag(owned.tag());
            if (id.getName().startsWith(owned.prefix()) && namespace != null && tag != null) {
                Optional<String> key = owned.keyOfTag().apply(tag);
                if (key.isPresent() && gone.contains(new Gone(owned, namespace, key.get()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void changed(Owned owned, WatchEvent event) {
        ObjectNode object = event.object();
        Gone key = new Gone(owned, object.path("metadata").path("namespace").asText(""),
                owned.keyOfObject().apply(object));
        switch (event.type()) {
            case ADDED -> gone.remove(key);
            case DELETED -> {
                gone.add(key);
                registry.getMeters().stream().filter(m -> key.owns(m.getId())).toList().forEach(registry::remove);
                deletions.forEach(deleted -> deleted.accept(owned.type(), object));
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
