package dev.kumo.api.sources.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/**
 * The sources' conditions, named as in Knative's {@code sources/v1/*_lifecycle.go}. Knative's OIDC and trust-bundle
 * conditions are left out: Kumo has neither.
 */
public final class SourceConditions {

    public static final String READY = "Ready";
    public static final String SINK_PROVIDED = "SinkProvided";
    public static final String DEPLOYED = "Deployed";
    public static final String SUFFICIENT_PERMISSIONS = "SufficientPermissions";
    public static final String SINK_BINDING_AVAILABLE = "SinkBindingAvailable";
    public static final String SINK_BINDING_READY = "SinkBindingReady";
    public static final String RECEIVE_ADAPTER_READY = "ReceiveAdapterReady";

    /** A PingSource is Ready when its sink resolved and its adapter runs. */
    public static final ConditionSet PING_SOURCE = new ConditionSet(READY, List.of(SINK_PROVIDED, DEPLOYED));
    /** An ApiServerSource is Ready when its sink resolved, its adapter runs and it may watch its resources. */
    public static final ConditionSet API_SERVER_SOURCE = new ConditionSet(READY,
            List.of(SINK_PROVIDED, DEPLOYED, SUFFICIENT_PERMISSIONS));
    /** A SinkBinding is Ready when its sink resolved and its subject is bound. */
    public static final ConditionSet SINK_BINDING = new ConditionSet(READY,
            List.of(SINK_BINDING_AVAILABLE, SINK_PROVIDED));
    /** A ContainerSource is Ready when its SinkBinding and its workload are. */
    public static final ConditionSet CONTAINER_SOURCE = new ConditionSet(READY,
            List.of(SINK_BINDING_READY, RECEIVE_ADAPTER_READY));

    private SourceConditions() {
    }
}
