package dev.kumo.server.eventing;

import dev.kumo.controller.channel.ChannelDataPlane;
import dev.kumo.controller.channel.SubscriberRoute;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.ChannelSubscriber;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The InMemoryChannel reconciler's data plane: durable channels in the event mesh, addressed on {@code advertisedHost}. */
final class MeshChannels implements ChannelDataPlane {

    private final EventMesh mesh;
    private final String advertisedHost;

    MeshChannels(EventMesh mesh, String advertisedHost) {
        this.mesh = mesh;
        this.advertisedHost = advertisedHost;
    }

    @Override
    public URI upsert(NamespacedName channel, List<SubscriberRoute> subscribers) {
        ChannelRef ref = ref(channel);
        mesh.upsertChannel(ref);
        Set<String> gone = new HashSet<>(mesh.subscribers(ref));
        for (SubscriberRoute route : subscribers) {
            gone.remove(route.uid());
            mesh.upsertSubscriber(ref, new ChannelSubscriber(route.uid(), route.subscriber(), route.reply(),
                    DeliveryMapping.toMesh(route.delivery()), DeliveryMapping.toMesh(route.order())));
        }
        gone.forEach(uid -> mesh.removeSubscriber(ref, uid));
        return URI.create("http://" + advertisedHost + ":" + mesh.port() + "/channels/" + channel.namespace() + "/"
                + channel.name());
    }

    @Override
    public void remove(NamespacedName channel) {
        mesh.removeChannel(ref(channel));
    }

    private static ChannelRef ref(NamespacedName channel) {
        return new ChannelRef(channel.namespace(), channel.name());
    }
}
