package dev.kumo.api.eventing;

import dev.kumo.api.sources.SourcesKinds;
import dev.kumo.api.testing.KindFixtures;
import java.util.ArrayList;
import java.util.List;

/** Manifests and admission shared by the eventing and sources tests. */
public final class EventingFixtures {

    public static final String BROKER = """
            apiVersion: eventing.knative.dev/v1
            kind: Broker
            metadata: {name: default, namespace: default}
            """;
    public static final String TRIGGER = """
            apiVersion: eventing.knative.dev/v1
            kind: Trigger
            metadata: {name: display, namespace: default}
            spec:
              broker: default
              subscriber:
                ref: {apiVersion: serving.knative.dev/v1, kind: Service, name: event-display}
            """;
    public static final String PING_SOURCE = """
            apiVersion: sources.knative.dev/v1
            kind: PingSource
            metadata: {name: ping, namespace: default}
            spec:
              sink: {uri: "http://display.default.svc"}
            """;
    public static final String API_SERVER_SOURCE = """
            apiVersion: sources.knative.dev/v1
            kind: ApiServerSource
            metadata: {name: watcher, namespace: default}
            spec:
              resources: [{apiVersion: v1, kind: ConfigMap}]
              sink: {uri: "http://display.default.svc"}
            """;
    public static final String SINK_BINDING = """
            apiVersion: sources.knative.dev/v1
            kind: SinkBinding
            metadata: {name: bind, namespace: default}
            spec:
              subject: {apiVersion: serving.knative.dev/v1, kind: Service, name: producer}
              sink: {uri: "http://display.default.svc"}
            """;
    public static final String CONTAINER_SOURCE = """
            apiVersion: sources.knative.dev/v1
            kind: ContainerSource
            metadata: {name: heartbeat, namespace: default}
            spec:
              template:
                spec:
                  containers: [{image: example.com/heartbeats}]
              sink: {uri: "http://display.default.svc"}
            """;

    /** Admission of the eventing and sources kinds. */
    public static final KindFixtures KINDS = new KindFixtures(kinds());

    private EventingFixtures() {
    }

    private static List<dev.kumo.api.kinds.KindDefinition> kinds() {
        List<dev.kumo.api.kinds.KindDefinition> kinds = new ArrayList<>(EventingKinds.all());
        kinds.addAll(SourcesKinds.all());
        return kinds;
    }
}
