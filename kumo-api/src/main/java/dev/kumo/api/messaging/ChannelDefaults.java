package dev.kumo.api.messaging;

import java.util.Map;

/**
 * Knative's {@code default-ch-webhook} {@code default-ch-config}: the channel template a Channel, Sequence or Parallel
 * gets when it names none — its namespace's, else the cluster's.
 */
public record ChannelDefaults(ChannelTemplate clusterDefault, Map<String, ChannelTemplate> namespaceDefaults) {

    /** InMemoryChannel everywhere: Kumo's (and Knative's stock) configuration. */
    public static final ChannelDefaults IN_MEMORY_CHANNEL = of(ChannelTemplate.IN_MEMORY_CHANNEL);

    public ChannelDefaults {
        namespaceDefaults = Map.copyOf(namespaceDefaults);
    }

    /** One template for every namespace. */
    public static ChannelDefaults of(ChannelTemplate clusterDefault) {
        return new ChannelDefaults(clusterDefault, Map.of());
    }

    /** The template for an object in {@code namespace}. */
    public ChannelTemplate forNamespace(String namespace) {
        return namespaceDefaults.getOrDefault(namespace == null ? "" : namespace, clusterDefault);
    }
}
