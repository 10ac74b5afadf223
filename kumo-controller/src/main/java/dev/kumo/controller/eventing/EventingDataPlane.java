package dev.kumo.controller.eventing;

import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.PingSource;
import dev.kumo.controller.broker.BrokerDataPlane;
import dev.kumo.controller.channel.ChannelDataPlane;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.controller.trigger.TriggerDataPlane;
import java.util.Objects;

/** Everything the eventing reconcilers drive outside the store, one seam per kind. */
public record EventingDataPlane(BrokerDataPlane brokers, TriggerDataPlane triggers,
        SourceRunner<PingSource> pingSources, SourceRunner<ApiServerSource> apiServerSources,
        SourceRunner<ContainerSource> containerSources, ChannelDataPlane channels) {

    public EventingDataPlane {
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(brokers, "brokers");
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(pingSources, "pingSources");
        Objects.requireNonNull(apiServerSources, "apiServerSources");
        Objects.requireNonNull(containerSources, "containerSources");
    }
}
