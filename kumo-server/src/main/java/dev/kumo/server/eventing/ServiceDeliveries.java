package dev.kumo.server.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events delivered to Services, for metering: counted per subscriber address on the event loop (no look-up there),
 * then, off it, handed to the Service whose address ({@code status.address.url}, its Route's loopback port) it is.
 * Deliveries to anything but a Service (a URI sink, a channel) are not metered.
 */
public final class ServiceDeliveries implements DeliveryNotices {

    /** Told of the events delivered to one Service. */
    @FunctionalInterface
    public interface Sink {
        void delivered(String namespace, String service, long count);
    }

    private final ResourceStore store;
    private final Map<String, Long> byAddress = new ConcurrentHashMap<>();

    public ServiceDeliveries(ResourceStore store) {
        this.store = store;
    }

    @Override
    public void delivered(TriggerRef trigger, URI subscriber) {
        // merge and remove are atomic per key: a delivery counted while a drain runs goes to this drain or the next.
        byAddress.merge(origin(subscriber), 1L, Long::sum);
    }

    @Override
    public void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink) {
    }

    @Override
    public void failed(TriggerRef trigger, URI subscriber, int status, String why) {
    }

    /** Hands the deliveries counted so far to the Services they reached; reads the store (not on the event loop). */
    public void drainTo(Sink sink) {
        Map<String, Long> counted = new HashMap<>();
        for (String address : byAddress.keySet()) {
            Long count = byAddress.remove(address);
            if (count != null && count > 0) {
                counted.put(address, count);
            }
        }
        if (counted.isEmpty()) {
            return;
        }
        for (ObjectNode service : store.list(ResourceTypes.SERVICE, ListOptions.ALL).items()) {
            String url = service.path("status").path("address").path("url").asText("");
            Long count = url.isEmpty() ? null : counted.get(origin(URI.create(url)));
            if (count != null) {
                sink.delivered(service.path("metadata").path("namespace").asText(),
                        service.path("metadata").path("name").asText(), count);
            }
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
