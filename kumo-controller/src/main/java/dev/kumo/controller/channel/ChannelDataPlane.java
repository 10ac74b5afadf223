package dev.kumo.controller.channel;

import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;
import java.util.List;

/** What the InMemoryChannel reconciler needs of the event mesh (kumo-eventing implements it). Calls are idempotent. */
public interface ChannelDataPlane {

    /** Serves {@code channel} with exactly these subscribers (others are removed); returns its ingress URL. */
    URI upsert(NamespacedName channel, List<SubscriberRoute> subscribers);

    /** The channel is gone: its ingress answers 404, its subscribers stop. */
    void remove(NamespacedName channel);
}
