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

    public static final ResourceType NAMESPACE = new ResourceType("", "v1", "Namespace", "namespaces", "namespace",
            false, true, List.of("ns"), List.of());
    public static final ResourceType CONFIGMAP = new ResourceType("", "v1", "ConfigMap", "configmaps", "configmap",
            true, false, List.of("cm"), List.of());
    public static final ResourceType SECRET = new ResourceType("", "v1", "Secret", "secrets", "secret", true, false,
            List.of(), List.of());

    private ResourceTypes() {
    }
}
