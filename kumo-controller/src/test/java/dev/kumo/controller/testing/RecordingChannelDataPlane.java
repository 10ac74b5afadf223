package dev.kumo.controller.testing;

import dev.kumo.controller.channel.ChannelDataPlane;
import dev.kumo.controller.channel.SubscriberRoute;
import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A channel data plane that keeps what it was told to serve, addressed as the mesh addresses channels. */
public final class RecordingChannelDataPlane implements ChannelDataPlane {

    private final Map<NamespacedName, List<SubscriberRoute>> served = new ConcurrentHashMap<>();

    @Override
    public URI upsert(NamespacedName channel, List<SubscriberRoute> subscribers) {
        served.put(channel, List.copyOf(subscribers));
        return address(channel.namespace(), channel.name());
    }

    @Override
    public void remove(NamespacedName channel) {
        served.remove(channel);
    }

    public static URI address(String namespace, String name) {
        return URI.create("http://127.0.0.1:8081/channels/" + namespace + "/" + name);
    }

    public Optional<List<SubscriberRoute>> served(String namespace, String name) {
        return Optional.ofNullable(served.get(new NamespacedName(namespace, name)));
    }
}
