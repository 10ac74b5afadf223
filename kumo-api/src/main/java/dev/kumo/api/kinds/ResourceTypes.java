package dev.kumo.api.kinds;

import dev.kumo.api.meta.ResourceType;
import java.util.List;

/** The type descriptors of every kind Kumo serves. */
public final class ResourceTypes {

    public static final String SERVING_GROUP = "serving.knative.dev";
    private static final List<String> KNATIVE = List.of("all", "knative", "serving");

    public static final ResourceType SERVICE = new ResourceType(SERVING_GROUP, "v1", "Service", "services", "service",
            true, true, List.of("kservice", "ksvc"), KNATIVE);
    public static final ResourceType CONFIGURATION = new ResourceType(SERVING_GROUP, "v1", "Configuration",
            "configurations", "configuration", true, true, List.of("config", "cfg"), KNATIVE);
    public static final ResourceType REVISION = new ResourceType(SERVING_GROUP, "v1", "Revision", "revisions",
            "revision", true, true, List.of("rev"), KNATIVE);
    public static final ResourceType ROUTE = new ResourceType(SERVING_GROUP, "v1", "Route", "routes", "route", true,
            true, List.of("rt"), KNATIVE);
    /** A custom domain name mapped to a Service (Knative's {@code v1beta1}, its CRD's short name {@code dm}). */
    public static final ResourceType DOMAIN_MAPPING = new ResourceType(SERVING_GROUP, "v1beta1", "DomainMapping",
            "domainmappings", "domainmapping", true, true, List.of("dm"), KNATIVE);

    public static final String EVENTING_GROUP = "eventing.knative.dev";
    public static final String SOURCES_GROUP = "sources.knative.dev";
    // Knative's eventing CRDs declare these categories and no short names.
    private static final List<String> EVENTING = List.of("all", "knative", "eventing");
    private static final List<String> SOURCES = List.of("all", "knative", "sources");

    public static final ResourceType BROKER = new ResourceType(EVENTING_GROUP, "v1", "Broker", "brokers", "broker",
            true, true, List.of(), EVENTING);
    public static final ResourceType TRIGGER = new ResourceType(EVENTING_GROUP, "v1", "Trigger", "triggers",
            "trigger", true, true, List.of(), EVENTING);
    /** A kind of CloudEvent a Broker or Channel carries (Knative's {@code v1beta2}, its storage version). */
    public static final ResourceType EVENT_TYPE = new ResourceType(EVENTING_GROUP, "v1beta2", "EventType",
            "eventtypes", "eventtype", true, true, List.of(), EVENTING);
    public static final ResourceType PING_SOURCE = new ResourceType(SOURCES_GROUP, "v1", "PingSource",
            "pingsources", "pingsource", true, true, List.of(), SOURCES);
    public static final ResourceType API_SERVER_SOURCE = new ResourceType(SOURCES_GROUP, "v1", "ApiServerSource",
            "apiserversources", "apiserversource", true, true, List.of(), SOURCES);
    public static final ResourceType SINK_BINDING = new ResourceType(SOURCES_GROUP, "v1", "SinkBinding",
            "sinkbindings", "sinkbinding", true, true, List.of(), List.of("all", "knative", "sources", "bindings"));
    public static final ResourceType CONTAINER_SOURCE = new ResourceType(SOURCES_GROUP, "v1", "ContainerSource",
            "containersources", "containersource", true, true, List.of(), SOURCES);

    public static final String MESSAGING_GROUP = "messaging.knative.dev";
    public static final String FLOWS_GROUP = "flows.knative.dev";
    // Knative's messaging and flows CRDs declare these short names and categories ("channel" is a category of
    // both channel kinds, so "kubectl get channel NAME" is ambiguous there as here: say "channels").
    private static final List<String> CHANNELS = List.of("all", "knative", "messaging", "channel");

    public static final ResourceType CHANNEL = new ResourceType(MESSAGING_GROUP, "v1", "Channel", "channels",
            "channel", true, true, List.of("ch"), CHANNELS);
    public static final ResourceType IN_MEMORY_CHANNEL = new ResourceType(MESSAGING_GROUP, "v1", "InMemoryChannel",
            "inmemorychannels", "inmemorychannel", true, true, List.of("imc"), CHANNELS);
    public static final ResourceType SUBSCRIPTION = new ResourceType(MESSAGING_GROUP, "v1", "Subscription",
            "subscriptions", "subscription", true, true, List.of("sub"), List.of("all", "knative", "messaging"));
    public static final ResourceType SEQUENCE = new ResourceType(FLOWS_GROUP, "v1", "Sequence", "sequences",
            "sequence", true, true, List.of(), List.of("all", "knative", "flows"));
    public static final ResourceType PARALLEL = new ResourceType(FLOWS_GROUP, "v1", "Parallel", "parallels",
            "parallel", true, true, List.of(), List.of("all", "knative", "flows"));

    public static final ResourceType NAMESPACE = new ResourceType("", "v1", "Namespace", "namespaces", "namespace",
            false, true, List.of("ns"), List.of());
    public static final ResourceType CONFIGMAP = new ResourceType("", "v1", "ConfigMap", "configmaps", "configmap",
            true, false, List.of("cm"), List.of());
    public static final ResourceType SECRET = new ResourceType("", "v1", "Secret", "secrets", "secret", true, false,
            List.of(), List.of());

    /** Read-only plus delete: each Pod is the view of one running instance (kumo-serving's pod view writes them). */
    public static final ResourceType POD = new ResourceType("", "v1", "Pod", "pods", "pod", true, false,
            List.of("po"), List.of("all"));
    public static final ResourceType DEPLOYMENT = new ResourceType("apps", "v1", "Deployment", "deployments",
            "deployment", true, true, List.of("deploy"), List.of("all"));
    /** Read-only plus delete: a Deployment's ReplicaSets, one per pod template, written by its reconciler. */
    public static final ResourceType REPLICA_SET = new ResourceType("apps", "v1", "ReplicaSet", "replicasets",
            "replicaset", true, true, List.of("rs"), List.of("all"));
    /** The core {@code v1} Service (a stable loopback address for Pods), not Knative's {@link #SERVICE}. */
    public static final ResourceType CORE_SERVICE = new ResourceType("", "v1", "Service", "services", "service",
            true, true, List.of("svc"), List.of("all"));
    public static final String RBAC_GROUP = "rbac.authorization.k8s.io";

    public static final ResourceType SERVICE_ACCOUNT = new ResourceType("", "v1", "ServiceAccount", "serviceaccounts",
            "serviceaccount", true, false, List.of("sa"), List.of());
    public static final ResourceType ROLE = new ResourceType(RBAC_GROUP, "v1", "Role", "roles", "role", true, false,
            List.of(), List.of());
    public static final ResourceType CLUSTER_ROLE = new ResourceType(RBAC_GROUP, "v1", "ClusterRole", "clusterroles",
            "clusterrole", false, false, List.of(), List.of());
    public static final ResourceType ROLE_BINDING = new ResourceType(RBAC_GROUP, "v1", "RoleBinding", "rolebindings",
            "rolebinding", true, false, List.of(), List.of());
    public static final ResourceType CLUSTER_ROLE_BINDING = new ResourceType(RBAC_GROUP, "v1", "ClusterRoleBinding",
            "clusterrolebindings", "clusterrolebinding", false, false, List.of(), List.of());
    public static final String EVENTS_GROUP = "events.k8s.io";
    /** Core v1 Event, the stored form of every Event. */
    public static final ResourceType EVENT = new ResourceType("", "v1", "Event", "events", "event", true, false,
            List.of("ev"), List.of());
    /** {@code events.k8s.io/v1} Event, served from the core Events' storage. */
    public static final ResourceType EVENTS_V1_EVENT = new ResourceType(EVENTS_GROUP, "v1", "Event", "events", "event",
            true, false, List.of("ev"), List.of());

    private ResourceTypes() {
    }
}
