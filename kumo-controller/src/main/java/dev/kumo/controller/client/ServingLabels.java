package dev.kumo.controller.client;

/** The labels and annotations Knative's serving controllers stamp on the objects they make. */
public final class ServingLabels {

    public static final String SERVICE = "serving.knative.dev/service";
    public static final String SERVICE_UID = "serving.knative.dev/serviceUID";
    public static final String CONFIGURATION = "serving.knative.dev/configuration";
    public static final String CONFIGURATION_UID = "serving.knative.dev/configurationUID";
    public static final String CONFIGURATION_GENERATION = "serving.knative.dev/configurationGeneration";
    /** Annotation on a Configuration: the Routes that send it traffic. */
    public static final String ROUTES = "serving.knative.dev/routes";
    /** Annotation kubectl keeps its last applied manifest in; never propagated. */
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ServingLabels() {
    }
}
