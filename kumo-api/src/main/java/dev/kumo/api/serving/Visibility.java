package dev.kumo.api.serving;

import dev.kumo.api.meta.ObjectMeta;

/**
 * Who may reach a Route (or a Service's): everyone at its public name, or with Knative's label
 * {@code networking.knative.dev/visibility: cluster-local} only what runs beside it, at
 * {@code {name}.{namespace}.svc.cluster.local} and its loopback address.
 */
public final class Visibility {

    /** The label, on a Service (passed on to its Route) or a Route. */
    public static final String LABEL = "networking.knative.dev/visibility";

    /** The label's one value. */
    public static final String CLUSTER_LOCAL = "cluster-local";

    private Visibility() {
    }

    /** Whether {@code metadata} makes its Route cluster-local. */
    public static boolean clusterLocal(ObjectMeta metadata) {
        return metadata != null && CLUSTER_LOCAL.equals(metadata.labelsOrEmpty().get(LABEL));
    }
}
